import type { ReactNode } from "react";
import type { RenderableBlock, RenderableBlockOf } from "@/api/models";
import { Callout } from "./Callout";
import { Code } from "./Code";
import { Embed } from "./Embed";
import { Heading } from "./Heading";
import { Image } from "./Image";
import { Paragraph } from "./Paragraph";
import { Quote } from "./Quote";

type Renderers = { [K in RenderableBlock["type"]]: (props: { block: RenderableBlockOf<K> }) => ReactNode };

/** One component per block type; the compiler insists every type in the contract has one. */
export const blockComponents: Renderers = {
  paragraph: Paragraph,
  heading: Heading,
  code: Code,
  image: Image,
  quote: Quote,
  callout: Callout,
  embed: Embed,
};

function renderBlock<K extends RenderableBlock["type"]>(block: RenderableBlockOf<K>): ReactNode {
  const Component = blockComponents[block.type] as (props: { block: RenderableBlockOf<K> }) => ReactNode;
  return <Component key={block.id} block={block} />;
}

/** Blocks as highlightCodeBlocks (src/lib/highlight.ts) returns them. */
export function StreamField({ blocks }: { blocks: RenderableBlock[] }) {
  return <div className="streamfield">{blocks.map((block) => renderBlock(block))}</div>;
}
