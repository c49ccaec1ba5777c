import { writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF's pages as text (pdf.js), with the items of each page joined by spaces. */
export async function pdfPageTexts(data: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(data) });
  const document = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return pages;
}

/** Renders one page of a PDF to a PNG file (pdf.js on @napi-rs/canvas), as a reader would see the paper. */
export async function renderPdfPage(data: Uint8Array, pageNumber: number, file: string, scale = 1.5): Promise<void> {
  const task = getDocument({ data: new Uint8Array(data) });
  const document = await task.promise;
  const page = await document.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const factory = document.canvasFactory as {
    create(width: number, height: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: CanvasRenderingContext2D };
  };
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context, viewport }).promise;
  writeFileSync(file, canvas.toBuffer('image/png'));
  await task.destroy();
}
