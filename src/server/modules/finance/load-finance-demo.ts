/**
 * Demo data of compensation's money side: the institution's paying account, IBANs for the demo
 * coaches (valid test IBANs), two approved claims with receipts (a photo and a PDF) and one
 * waiting for the coordinator — so `payouts export` works on a fresh demo.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { claimPromisedPayDate } from '../../../domain/finance/expense-claim';
import { maskIban } from '../../../domain/finance/iban';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { isoDay } from './claim-view';
import { minimalPdf } from './minimal-pdf';
import { financeRepository } from './repository';
import { seal } from './sealed';

/** Valid Dutch test IBANs (check digits computed with ibantools; not real accounts). */
const DEMO_IBANS = ['NL20INGB0001234567', 'NL44RABO0123456789', 'NL02ABNA0123456789', 'NL70TRIO0123456789', 'NL94BUNQ2025001122', 'NL71INGB0009876543'];

export type FinanceDemoOptions = {
  institutionId: string;
  programmeId: string;
  /** Coaches of the programme with their names; the first ones get claims. */
  coaches: { id: string; firstName: string; lastName: string }[];
  coordinatorId: string;
};

const DAY_MS = 86_400_000;

export async function loadFinanceDemo(tx: Db, services: Services, options: FinanceDemoOptions) {
  const repo = financeRepository(tx);
  const now = services.now();
  const key = services.config.dataKey.key;
  await repo.savePaymentSettings({ institutionId: options.institutionId, debtorName: 'Hogeschool Zuidas', debtorIban: 'NL91ABNA0417164300', debtorBic: 'ABNANL2A', updatedAt: now });
  for (const [i, coach] of options.coaches.slice(0, DEMO_IBANS.length).entries()) {
    const iban = DEMO_IBANS[i]!;
    await repo.saveBankAccount({ personId: coach.id, institutionId: options.institutionId, ibanEncrypted: seal(key, iban), ibanMasked: maskIban(iban), holderName: `${coach.firstName} ${coach.lastName}`, updatedAt: now });
  }
  const photo = await sharp({ create: { width: 360, height: 520, channels: 3, background: '#fbfaf5' } })
    .composite([{ input: Buffer.from('<svg width="360" height="520"><text x="30" y="60" font-size="28" font-family="sans-serif">SUPERMARKT</text><text x="30" y="120" font-size="20" font-family="sans-serif">Koffie, thee, koek</text><text x="30" y="460" font-size="26" font-family="sans-serif">TOTAAL 18,45</text></svg>'), top: 0, left: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
  const pdf = minimalPdf(['NS Reizigers - vervoersbewijs', 'Amsterdam Zuid - Diemen, retour', 'Totaal EUR 12,60']);
  const day = (daysAgo: number) => isoDay(new Date(now.getTime() - daysAgo * DAY_MS));
  const claims = [
    { coach: options.coaches[0], spentOn: day(12), amountCents: 1845, category: 'groceries' as const, description: 'Koffie, thee en koek voor de bijeenkomst', receipt: { type: 'image/jpeg', bytes: photo }, approvedDaysAgo: 3 },
    { coach: options.coaches[1], spentOn: day(9), amountCents: 1260, category: 'travel' as const, description: 'Trein naar de gezamenlijke training in Diemen', receipt: { type: 'application/pdf', bytes: pdf }, approvedDaysAgo: 2 },
    { coach: options.coaches[0], spentOn: day(2), amountCents: 795, category: 'materials' as const, description: 'Flip-over stiften en post-its', receipt: { type: 'image/jpeg', bytes: photo }, approvedDaysAgo: null },
  ];
  for (const c of claims) {
    if (!c.coach) continue;
    const decidedAt = c.approvedDaysAgo === null ? null : new Date(now.getTime() - c.approvedDaysAgo * DAY_MS);
    const row = await repo.insertClaim({
      institutionId: options.institutionId,
      programmeId: options.programmeId,
      coachId: c.coach.id,
      spentOn: c.spentOn,
      amountCents: c.amountCents,
      category: c.category,
      description: c.description,
      status: decidedAt ? 'approved' : 'submitted',
      decidedById: decidedAt ? options.coordinatorId : null,
      decidedAt,
      promisedPayDate: decidedAt ? claimPromisedPayDate(isoDay(decidedAt)) : null,
      createdAt: new Date(Date.parse(c.spentOn) + DAY_MS),
    });
    await repo.insertReceipt({ ownerId: c.coach.id, claimId: row.id, contentType: c.receipt.type, bytes: c.receipt.bytes, byteSize: c.receipt.bytes.length, sha256: createHash('sha256').update(c.receipt.bytes).digest('hex'), createdAt: now });
  }
}
