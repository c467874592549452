// Reads the first file part of a multipart/form-data body: what `nuget push` and our spoke send.

export function firstFilePart(body: Buffer, contentType: string | undefined): Buffer | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return undefined;
  const delimiter = Buffer.from(`--${b}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const headerStart = start + delimiter.length + 2; // skip CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return undefined;
    if (/filename=/i.test(headers)) {
      // The line break before the delimiter belongs to it; NuGet 2.8.7 on mono sends a bare LF there.
      let end = next;
      if (body[end - 1] === 0x0a) end -= 1;
      if (body[end - 1] === 0x0d) end -= 1;
      return body.subarray(headerEnd + 4, end);
    }
    start = next;
  }
  return undefined;
}
