/** pdfmake's own pdfkit document class (0.3.x), which its typings do not declare. */
declare module 'pdfmake/js/PDFDocument.js' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
