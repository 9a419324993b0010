// "Verify this statement" in the browser, trusting nothing the server computed: every entry's leaf
// hash is recomputed from its fields (RFC 8785 JSON, platform/ledger/FORMAT.md), the hash chain is
// followed, the RFC 9162 Merkle root of the month's first `size` entries is rebuilt and compared
// with the signed tree head, and each Ed25519 signature on that head is checked.

const encoder = new TextEncoder();

/** RFC 8785 (JCS) serialisation of a JSON value: members sorted by UTF-16 code units, ES number and string forms. */
export function canonicalJson(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not a JSON number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map(k => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const joined = new Uint8Array(length);
  let at = 0;
  for (const p of parts) { joined.set(p, at); at += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

export function hex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}


function fromBase64(text) {
  return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

export async function leafHash(entry) {
  return sha256(new Uint8Array([0]), encoder.encode(canonicalJson(entry)));
}

/** RFC 9162 §2.1.1 Merkle Tree Hash of the leaf hashes (Uint8Array each). */
export async function merkleRoot(leaves) {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(new Uint8Array([1]), await merkleRoot(leaves.slice(0, k)), await merkleRoot(leaves.slice(k)));
}

/**
 * Checks the journal (lines of the export: {entry, leafHash}) against one signed head.
 * Answers {ok, checked, problems: [{key, params}]} — message keys, so the page says it in the person's language.
 */
export async function verifyHead(exportLines, head, operatorKey) {
  const problems = [];
  const leaves = [];
  let previous = '0'.repeat(64);
  const entries = exportLines.slice(0, head.treeSize);
  if (entries.length < head.treeSize) problems.push({ key: 'verify.missing', params: { have: entries.length, size: head.treeSize } });
  for (const [index, line] of entries.entries()) {
    const entry = line.entry;
    const computed = await leafHash(entry);
    if (entry.sequence !== index) problems.push({ key: 'verify.gap', params: { index } });
    if (hex(computed) !== line.leafHash) problems.push({ key: 'verify.changed', params: { index } });
    if (entry.prevHash !== previous) problems.push({ key: 'verify.chain', params: { index } });
    const sum = entry.postings.reduce((s, p) => s + p.amountFen, 0);
    if (sum !== 0 || entry.postings.length < 2) problems.push({ key: 'verify.unbalanced', params: { index } });
    previous = hex(computed);
    leaves.push(computed);
  }
  const root = hex(await merkleRoot(leaves));
  if (root !== head.rootHash) problems.push({ key: 'verify.rootMismatch', params: { period: head.period } });
  const signed = JSON.parse(head.signedBytes);
  if (signed.format !== 'commonhold-tree-head/1' || signed.period !== head.period || signed.rootHash !== head.rootHash || signed.size !== head.treeSize) {
    problems.push({ key: 'verify.headMismatch', params: {} });
  }
  const signers = [];
  for (const s of head.signatures || []) {
    const good = await verifySignature(s.publicKey, s.signature, encoder.encode(head.signedBytes));
    if (!good) problems.push({ key: 'verify.signature', params: { who: s.signerName || s.signer } });
    signers.push({ who: s.signerName || s.signer, good, operator: operatorKey && s.publicKey === operatorKey });
  }
  if (operatorKey && !signers.some(s => s.operator && s.good)) problems.push({ key: 'verify.noOperator', params: {} });
  return { ok: problems.length === 0, checked: entries.length, root, signers, problems };
}

async function verifySignature(publicKeyBase64, signatureBase64, bytes) {
  try {
    const key = await crypto.subtle.importKey('spki', fromBase64(publicKeyBase64), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signatureBase64), bytes);
  } catch {
    return false;
  }
}

