import type { ReactNode } from "react";
import type { Block, BlockOf } from "@/api/models";
import { Callout } from "./Callout";
import { Code } from "./Code";
import { Embed } from "./Embed";
import { Heading } from "./Heading";
import { Image } from "./Image";
import { Paragraph } from "./Paragraph";
import { Quote } from "./Quote";

type Renderers = { [K in Block["type"]]: (props: { block: BlockOf<K> }) => ReactNode | Promise<ReactNode> };

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

function renderBlock<K extends Block["type"]>(block: BlockOf<K>): ReactNode {
  const Component = blockComponents[block.type] as (props: { block: BlockOf<K> }) => ReactNode;
  return <Component key={block.id} block={block} />;
}

export function StreamField({ blocks }: { blocks: Block[] }) {
  return <div className="streamfield">{blocks.map((block) => renderBlock(block))}</div>;
}
