/** Saves content the API sent (a CSV, a PDF's bytes) as a file the browser downloads. */
export function saveFile(content: BlobPart, filename: string, contentType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
