// What attestation needs from GitHub: a PR's comments and reviews (every
// page), and the `governance/attestation` commit status. The API's answers
// are data: anything of the wrong shape is left out, never trusted.
import type { PrComment, PrReview } from '../core/attest.ts';
import type { GitHub } from './github.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function prComments(gh: GitHub, pr: number): Promise<PrComment[]> {
  const raw = await gh.paginate<Record<string, unknown>>(`/repos/${gh.owner}/${gh.repo}/issues/${pr}/comments`);
  return raw.flatMap((c) => {
    const login = str((c.user as Record<string, unknown> | null | undefined)?.login);
    const body = str(c.body);
    const createdAt = str(c.created_at);
    const updatedAt = str(c.updated_at);
    const id = typeof c.id === 'number' ? c.id : undefined;
    if (login === undefined || body === undefined || createdAt === undefined || id === undefined) return [];
    const url = str(c.html_url);
    return [{ id, login, body, createdAt, ...(updatedAt && updatedAt !== createdAt ? { updatedAt } : {}), ...(url ? { url } : {}) }];
  });
}

export async function prReviews(gh: GitHub, pr: number): Promise<PrReview[]> {
  const raw = await gh.paginate<Record<string, unknown>>(`/repos/${gh.owner}/${gh.repo}/pulls/${pr}/reviews`);
  return raw.flatMap((r) => {
    const login = str((r.user as Record<string, unknown> | null | undefined)?.login);
    const state = str(r.state);
    const submittedAt = str(r.submitted_at);
    if (login === undefined || state === undefined || submittedAt === undefined) return [];
    const url = str(r.html_url);
    return [{ login, state, submittedAt, ...(url ? { url } : {}) }];
  });
}

export const ATTESTATION_CONTEXT = 'governance/attestation';

/** The commit status that branch protection can require. */
export async function setAttestationStatus(
  gh: GitHub,
  sha: string,
  state: 'success' | 'failure' | 'pending',
  description: string,
  targetUrl?: string,
): Promise<void> {
  await gh.request('POST', `/repos/${gh.owner}/${gh.repo}/statuses/${sha}`, {
    state,
    context: ATTESTATION_CONTEXT,
    // GitHub keeps 140 characters of a status's description.
    description: description.slice(0, 140),
    ...(targetUrl ? { target_url: targetUrl } : {}),
  });
}
