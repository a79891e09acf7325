import type { Case, ComplaintDetails } from '#cases/domain/case.ts';

/** Reports of the same matter within this many days are put before the dispatcher as possible duplicates. */
export const duplicateWindowDays = 30;
const nearbyMeters = 300;
const maxCandidates = 5;

export interface DuplicateCandidate {
  readonly caseId: string;
  readonly number: string;
  readonly reasons: readonly string[];
}

const normalise = (text: string | undefined) =>
  (text ?? '').replace(/[\s\u3000，,。.、（）()【】\-—_#号]/g, '').toLowerCase();

/** Great-circle distance in metres. */
const distance = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) => {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
};

/** What duplicates are judged by; a new complaint (attachments still unresolved references) has these too. */
type Matter = Pick<ComplaintDetails, 'category' | 'place' | 'source'>;

const reasonsFor = (complaint: Matter, other: Matter): string[] => {
  const reasons: string[] = [];
  if (complaint.source?.uscc && complaint.source.uscc === other.source?.uscc)
    reasons.push('同一被反映企业（信用代码相同）');
  else if (complaint.source && normalise(complaint.source.name) === normalise(other.source?.name)) {
    reasons.push('同一被反映对象');
  }
  if (normalise(complaint.place.address) === normalise(other.place.address)) reasons.push('同一地点');
  else if (complaint.place.coordinates && other.place.coordinates) {
    const metres = distance(complaint.place.coordinates, other.place.coordinates);
    if (metres <= nearbyMeters) reasons.push(`地点相距约 ${Math.round(metres)} 米`);
  }
  return reasons;
};

/**
 * Earlier complaints of the same category that look like the same matter (same enterprise, same or nearby place),
 * most recent first. They are flagged for the dispatcher to decide on; nothing is merged here.
 */
export const findDuplicateCandidates = (complaint: Matter, recent: readonly Case[]): DuplicateCandidate[] =>
  recent
    .filter((other) => other.complaint && other.complaint.category === complaint.category)
    .filter((other) => !['merged', 'rejected'].includes(other.state))
    .map((other) => ({
      caseId: other.id,
      number: other.number,
      reasons: reasonsFor(complaint, other.complaint as ComplaintDetails),
    }))
    .filter((candidate) => candidate.reasons.length > 0)
    .slice(0, maxCandidates);
