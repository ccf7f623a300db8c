import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** Port: turns a document definition (what the PDF views return) into PDF bytes. */
export type PdfDocument = TDocumentDefinitions;

export type RenderPdf = (doc: PdfDocument) => Promise<Buffer>;
