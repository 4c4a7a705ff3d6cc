import type { Metadata } from "next";
import { DashboardView } from "@/components/learning/DashboardView";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

export default function DashboardPage() {
  return (
    <>
      <h1>Your dashboard</h1>
      <DashboardView />
    </>
  );
}
