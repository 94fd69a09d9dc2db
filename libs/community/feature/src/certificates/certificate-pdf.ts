import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { formatInZone } from '@praxis/community/domain';

export interface CertificateContent {
  memberName: string;
  programmeTitle: string;
  sessionsAttended: ReadonlyArray<{ theme: string; startsAt: string; timeZone?: string }>;
  sessionsHeld: number;
  issuedAt: Date;
  verificationCode: string;
  verificationUrl: string;
}

/**
 * The standard PDF fonts encode WinAnsi only; characters outside it (names in other scripts) are shown as their
 * closest Latin form when Unicode can decompose them, else as "?", rather than failing the certificate.
 */
function encodable(font: PDFFont, text: string): string {
  return [...text]
    .map((character) => {
      try {
        font.encodeText(character);
        return character;
      } catch {
        const base = character.normalize('NFD').replace(/\p{M}/gu, '');
        try {
          font.encodeText(base);
          return base;
        } catch {
          return '?';
        }
      }
    })
    .join('');
}

/** An A4 landscape certificate of attendance with the sessions attended and how to verify it. */
export async function renderCertificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificate of attendance: ${content.programmeTitle}`);
  pdf.setCreator('Praxis');
  pdf.setCreationDate(content.issuedAt);
  pdf.setModificationDate(content.issuedAt);
  const page = pdf.addPage([842, 595]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.15, 0.3);
  const centred = (text: string, y: number, size: number, font: PDFFont) => {
    const safe = encodable(font, text);
    const width = font.widthOfTextAtSize(safe, size);
    page.drawText(safe, { x: Math.max(40, (842 - width) / 2), y, size, font, color: ink, maxWidth: 762 });
  };
  centred('Certificate of attendance', 520, 30, bold);
  centred('This certifies that', 475, 14, regular);
  centred(content.memberName, 440, 26, bold);
  centred('attended', 410, 14, regular);
  centred(content.programmeTitle, 380, 20, bold);
  centred(
    `${content.sessionsAttended.length} of ${content.sessionsHeld} sessions, issued ${content.issuedAt.toISOString().slice(0, 10)}`,
    352,
    12,
    regular,
  );
  content.sessionsAttended.slice(0, 12).forEach((session, index) => {
    const when = formatInZone(new Date(session.startsAt), session.timeZone ?? 'UTC');
    centred(`${session.theme} (${when})`, 320 - index * 16, 10, regular);
  });
  centred(`Verification code ${content.verificationCode}`, 70, 11, bold);
  centred(`Check it at ${content.verificationUrl}`, 52, 9, regular);
  return pdf.save({ useObjectStreams: false });
}
