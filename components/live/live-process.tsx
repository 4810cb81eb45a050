import { useMessages } from "next-intl";
import { LiveProcessView } from "./live-process-view";
import { liveWords } from "./live-words";

interface LiveProcessProps {
  processId: string;
  /** The viewer may decide on this process now: presence says "reviewing" rather than "viewing". */
  reviewing: boolean;
}

/** The process page's live part (live-process-view.tsx), with its words from the server's messages. */
export function LiveProcess({ processId, reviewing }: LiveProcessProps) {
  const messages = useMessages();
  return <LiveProcessView processId={processId} reviewing={reviewing} words={liveWords(messages)} />;
}
