import { Head, Html, Main, NextScript } from "next/document";
import { Analytics } from "@/components/Analytics";

export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <Analytics />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
