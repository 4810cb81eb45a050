import { useMessages } from "next-intl";
import { ImageCard } from "./image-card";
import { inPageLanguage, type ViewerImage } from "./image-words";

interface ImageViewerProps {
  images: ViewerImage[];
}

/** The result's pictures side by side, each with its own zoom and rotation; the words come from the server's messages. */
export function ImageViewer({ images }: ImageViewerProps) {
  const words = useMessages().ImageViewer;
  if (images.length === 0) return null;
  return (
    <div className="grid grid-cols-[repeat(auto-fit,minmax(17rem,1fr))] gap-3">
      {images.map((image) => (
        <ImageCard key={image.url} image={inPageLanguage(image, words)} words={words} />
      ))}
    </div>
  );
}
