// Deterministic demo data for the budget: a hierarchy with Indonesian names, users for every role, and generators.
import type { DemoUser } from './types';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const AREAS: Array<{ name: string; regions: Array<{ name: string; branches: string[] }> }> = [
  {
    name: 'Jabotabek',
    regions: [
      { name: 'Jakarta Pusat', branches: ['Menteng', 'Tanah Abang', 'Senen', 'Kemayoran'] },
      { name: 'Jakarta Timur', branches: ['Jatinegara', 'Cakung', 'Duren Sawit', 'Kramat Jati'] },
      { name: 'Bodetabek', branches: ['Bogor', 'Depok', 'Tangerang', 'Bekasi'] },
    ],
  },
  {
    name: 'Jatim',
    regions: [
      { name: 'Surabaya', branches: ['Gubeng', 'Wonokromo', 'Rungkut', 'Tandes'] },
      { name: 'Malang', branches: ['Klojen', 'Lowokwaru', 'Batu', 'Kepanjen'] },
      { name: 'Madura', branches: ['Bangkalan', 'Sampang', 'Pamekasan', 'Sumenep'] },
    ],
  },
];

const CLUSTER_SUFFIX = ['Kota', 'Utara', 'Selatan', 'Barat', 'Timur'];

export interface DemoHierarchy {
  nodes: Array<{ id: string; level: 'AREA' | 'REGION' | 'BRANCH' | 'CLUSTER'; name: string; parentId: string | null }>;
  users: Array<{ email: string; name: string; role: string; nodeId: string }>;
  clusters: Array<{ id: string; name: string }>;
  demoUsers: DemoUser[];
}

export const POINT_TYPES = ['AKUISISI', 'OUTLET', 'SF', 'CB PROGRAM', 'REGION (CVM & SO)'];

/** 2 areas, 6 regions, 24 branches, 120 clusters; users for every role (emails like area.jabotabek@datadesk.local). */
export function demoHierarchy(): DemoHierarchy {
  const nodes: DemoHierarchy['nodes'] = [];
  const users: DemoHierarchy['users'] = [];
  const clusters: DemoHierarchy['clusters'] = [];
  const demoUsers: DemoUser[] = [];
  const add = (email: string, name: string, role: string, nodeId: string, label: string, show: boolean) => {
    users.push({ email, name, role, nodeId });
    if (show) demoUsers.push({ email, name, role: label, capability: 'budget' });
  };
  let n = 0;
  AREAS.forEach((a, ai) => {
    const aid = `A${ai + 1}`;
    nodes.push({ id: aid, level: 'AREA', name: a.name, parentId: null });
    add(`area.${slug(a.name)}@datadesk.local`, `Area ${a.name}`, 'AREA', aid, `Area · ${a.name}`, true);
    add(`mcot.${slug(a.name)}@datadesk.local`, `MCOT ${a.name}`, 'MCOT', aid, `MCOT · ${a.name}`, true);
    add(`gm.${slug(a.name)}@datadesk.local`, `GM SBP ${a.name}`, 'GM_SBP', aid, `GM SBP · ${a.name}`, true);
    a.regions.forEach((r, ri) => {
      const rid = `R${ai + 1}${ri + 1}`;
      nodes.push({ id: rid, level: 'REGION', name: r.name, parentId: aid });
      add(`region.${slug(r.name)}@datadesk.local`, `Region ${r.name}`, 'REGION', rid, `Region · ${r.name}`, true);
      r.branches.forEach((b, bi) => {
        const bid = `B${ai + 1}${ri + 1}${bi + 1}`;
        nodes.push({ id: bid, level: 'BRANCH', name: b, parentId: rid });
        add(
          `bm.${slug(b)}@datadesk.local`,
          `Branch manager ${b}`,
          'BRANCH_MANAGER',
          bid,
          `Branch manager · ${b}`,
          ai === 0 && ri === 0,
        );
        CLUSTER_SUFFIX.forEach((s, ci) => {
          n++;
          const cid = `CL-${String(n).padStart(3, '0')}`;
          const name = `${b} ${s}`;
          nodes.push({ id: cid, level: 'CLUSTER', name, parentId: bid });
          clusters.push({ id: cid, name });
          add(
            `sbp.${slug(name)}@datadesk.local`,
            `SBP ${name}`,
            'CLUSTER',
            cid,
            `SBP Cluster · ${name}`,
            ai === 0 && ri === 0 && bi === 0 && ci < 3,
          );
        });
      });
    });
  });
  return { nodes, users, clusters, demoUsers };
}

/** "2026-11" and the 11 months before it, oldest first. */
export function last12(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const t = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * What a cluster spends each point type on, as its evidence describes it: AKUISISI wins new subscribers, OUTLET
 * supports the retail outlets that sell for the cluster, SF is the cluster's sales force, CB PROGRAM keeps the
 * existing customer base active, REGION (CVM & SO) is the cluster's share of the region's customer-value and
 * sales-operation programmes.
 */
export const DESCRIPTIONS: Record<string, string[]> = {
  AKUISISI: [
    'Booth penjualan kartu perdana di pasar',
    'Hadiah aktivasi pelanggan baru',
    'Sewa tenda open table kartu perdana',
    'Cetak brosur paket perdana',
    'Insentif aktivasi pelanggan baru',
  ],
  OUTLET: [
    'Spanduk outlet',
    'Materi POSM outlet (poster, stiker etalase)',
    'Insentif outlet pencapaian target isi ulang',
    'Konsumsi gathering pemilik outlet',
    'Branding etalase outlet',
  ],
  SF: [
    'Insentif sales force',
    'Biaya transport canvasser',
    'Seragam sales force',
    'Uang makan tim sales force saat program',
    'Pulsa operasional sales force',
  ],
  'CB PROGRAM': [
    'Hadiah undian pelanggan setia',
    'Voucher isi ulang program pelanggan aktif',
    'Merchandise program loyalitas pelanggan',
    'Acara apresiasi pelanggan lama',
    'Bonus kuota program pelanggan aktif',
  ],
  'REGION (CVM & SO)': [
    'Kontribusi program CVM regional (SMS penawaran paket)',
    'Iuran event sales operation regional',
    'Kontribusi roadshow regional',
    'Materi kampanye CVM regional',
  ],
};

/** Why an approver sends evidence back. */
export const REJECTION_REASONS = [
  'Nota tidak terbaca, mohon unggah ulang',
  'Nominal di nota berbeda dengan isian',
  'Poin tidak sesuai dengan jenis pengeluaran',
  'Nota tanpa cap toko',
];

/** The users above one cluster: who allocates (Area), recommends (Region) and may approve (Region, Branch manager,
 * MCOT of its area). */
export interface ClusterChain {
  area: string;
  region: string;
  branchManager: string;
  mcot: string;
  approvers: string[];
}

/** Each cluster's chain of users in `h`. */
export function clusterChains(h: DemoHierarchy): Map<string, ClusterChain> {
  const parent = new Map(h.nodes.map((n) => [n.id, n.parentId]));
  const userAt = (nodeId: string, role: string) => {
    const u = h.users.find((x) => x.nodeId === nodeId && x.role === role);
    if (!u) throw new Error(`demo hierarchy: no ${role} at ${nodeId}`);
    return u.email;
  };
  const out = new Map<string, ClusterChain>();
  for (const c of h.clusters) {
    const branch = parent.get(c.id)!;
    const region = parent.get(branch)!;
    const area = parent.get(region)!;
    const chain = {
      area: userAt(area, 'AREA'),
      region: userAt(region, 'REGION'),
      branchManager: userAt(branch, 'BRANCH_MANAGER'),
      mcot: userAt(area, 'MCOT'),
    };
    out.set(c.id, { ...chain, approvers: [chain.region, chain.branchManager, chain.mcot] });
  }
  return out;
}
