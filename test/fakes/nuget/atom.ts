// NuGet v2 OData (Atom) documents as NuGet.Server / the Chocolatey gallery answer them: the entry title
// carries the id, author/summary/updated carry Authors/Summary/LastUpdated, content@src is the download,
// everything else is in m:properties. NuGet 2 clients (WCF Data Services) read exactly this mapping.

export interface StoredPackage {
  id: string;
  version: string;
  title?: string;
  authors?: string;
  description?: string;
  summary?: string;
  tags?: string;
  projectUrl?: string;
  hash: string;
  size: number;
  published: string;
  approved: boolean;
  /** Chocolatey's moderation status. */
  status: 'Submitted' | 'Approved';
  bytes: Buffer;
}

const NS =
  'xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const prop = (name: string, value: string | undefined, type?: string): string =>
  value === undefined
    ? `<d:${name} m:null="true" />`
    : `<d:${name}${type ? ` m:type="${type}"` : ''}>${esc(value)}</d:${name}>`;

const key = (p: StoredPackage): string => `Packages(Id='${esc(p.id)}',Version='${esc(p.version)}')`;

function entryBody(base: string, p: StoredPackage, latest: boolean): string {
  return [
    `<id>${base}${key(p)}</id>`,
    '<category term="NuGetGallery.V2FeedPackage" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme" />',
    `<link rel="edit" title="V2FeedPackage" href="${key(p)}" />`,
    `<link rel="edit-media" title="V2FeedPackage" href="${key(p)}/$value" />`,
    `<title type="text">${esc(p.id)}</title>`,
    `<summary type="text">${esc(p.summary ?? '')}</summary>`,
    `<updated>${p.published}</updated>`,
    `<author><name>${esc(p.authors ?? '')}</name></author>`,
    `<content type="application/zip" src="${base}package/${encodeURIComponent(p.id)}/${encodeURIComponent(p.version)}" />`,
    '<m:properties>',
    prop('Version', p.version),
    prop('NormalizedVersion', p.version),
    prop('Title', p.title),
    prop('Description', p.description ?? ''),
    prop('Tags', p.tags),
    prop('ProjectUrl', p.projectUrl),
    prop('Dependencies', ''),
    prop('PackageHash', p.hash),
    prop('PackageHashAlgorithm', 'SHA512'),
    prop('PackageSize', String(p.size), 'Edm.Int64'),
    prop('Published', p.published.replace(/Z$/, ''), 'Edm.DateTime'),
    prop('Created', p.published.replace(/Z$/, ''), 'Edm.DateTime'),
    prop('LastUpdated', p.published.replace(/Z$/, ''), 'Edm.DateTime'),
    prop('DownloadCount', '0', 'Edm.Int32'),
    prop('VersionDownloadCount', '0', 'Edm.Int32'),
    prop('IsLatestVersion', String(latest), 'Edm.Boolean'),
    prop('IsAbsoluteLatestVersion', String(latest), 'Edm.Boolean'),
    prop('IsPrerelease', String(p.version.includes('-')), 'Edm.Boolean'),
    prop('Listed', 'true', 'Edm.Boolean'),
    prop('RequireLicenseAcceptance', 'false', 'Edm.Boolean'),
    prop('IsApproved', String(p.approved), 'Edm.Boolean'),
    prop('PackageStatus', p.status),
    '</m:properties>',
  ].join('');
}

export function entryDocument(base: string, p: StoredPackage, latest: boolean): string {
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?><entry xml:base="${base}" ${NS}>${entryBody(base, p, latest)}</entry>`;
}

export function feedDocument(base: string, title: string, packages: { p: StoredPackage; latest: boolean }[]): string {
  const now = new Date().toISOString();
  return [
    `<?xml version="1.0" encoding="utf-8" standalone="yes"?><feed xml:base="${base}" ${NS}>`,
    `<title type="text">${esc(title)}</title><id>${base}${esc(title)}</id><updated>${now}</updated>`,
    `<link rel="self" title="${esc(title)}" href="${esc(title)}" />`,
    ...packages.map(({ p, latest }) => `<entry>${entryBody(base, p, latest)}</entry>`),
    '</feed>',
  ].join('');
}

export function serviceDocument(base: string): string {
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?><service xml:base="${base}" xmlns="http://www.w3.org/2007/app" xmlns:atom="http://www.w3.org/2005/Atom"><workspace><atom:title>Default</atom:title><collection href="Packages"><atom:title>Packages</atom:title></collection></workspace></service>`;
}

const PROPERTIES: [string, string][] = [
  ['Version', 'Edm.String'], ['NormalizedVersion', 'Edm.String'], ['Title', 'Edm.String'], ['Description', 'Edm.String'],
  ['Tags', 'Edm.String'], ['ProjectUrl', 'Edm.String'], ['Dependencies', 'Edm.String'], ['PackageHash', 'Edm.String'],
  ['PackageHashAlgorithm', 'Edm.String'], ['PackageSize', 'Edm.Int64'], ['Published', 'Edm.DateTime'], ['Created', 'Edm.DateTime'],
  ['LastUpdated', 'Edm.DateTime'], ['DownloadCount', 'Edm.Int32'], ['VersionDownloadCount', 'Edm.Int32'],
  ['IsLatestVersion', 'Edm.Boolean'], ['IsAbsoluteLatestVersion', 'Edm.Boolean'], ['IsPrerelease', 'Edm.Boolean'],
  ['Listed', 'Edm.Boolean'], ['RequireLicenseAcceptance', 'Edm.Boolean'], ['IsApproved', 'Edm.Boolean'], ['PackageStatus', 'Edm.String'],
];

/** The service metadata NuGet 2 reads to learn which service methods (Search, FindPackagesById) exist. */
export function metadataDocument(): string {
  const nullable = (t: string): string => (t === 'Edm.String' ? '' : ' Nullable="false"');
  return [
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
    '<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx">',
    '<edmx:DataServices xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" m:DataServiceVersion="2.0">',
    '<Schema Namespace="NuGetGallery" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns="http://schemas.microsoft.com/ado/2006/04/edm">',
    '<EntityType Name="V2FeedPackage" m:HasStream="true">',
    '<Key><PropertyRef Name="Id" /><PropertyRef Name="Version" /></Key>',
    '<Property Name="Id" Type="Edm.String" Nullable="false" m:FC_TargetPath="SyndicationTitle" m:FC_ContentKind="text" m:FC_KeepInContent="false" />',
    '<Property Name="Authors" Type="Edm.String" m:FC_TargetPath="SyndicationAuthorName" m:FC_ContentKind="text" m:FC_KeepInContent="false" />',
    '<Property Name="Summary" Type="Edm.String" m:FC_TargetPath="SyndicationSummary" m:FC_ContentKind="text" m:FC_KeepInContent="false" />',
    ...PROPERTIES.map(([n, t]) => `<Property Name="${n}" Type="${t}"${n === 'Version' ? ' Nullable="false"' : nullable(t)} />`),
    '</EntityType>',
    '<EntityContainer Name="FeedContext_x0060_1" m:IsDefaultEntityContainer="true">',
    '<EntitySet Name="Packages" EntityType="NuGetGallery.V2FeedPackage" />',
    '<FunctionImport Name="Search" EntitySet="Packages" ReturnType="Collection(NuGetGallery.V2FeedPackage)" m:HttpMethod="GET">',
    '<Parameter Name="searchTerm" Type="Edm.String" Mode="In" /><Parameter Name="targetFramework" Type="Edm.String" Mode="In" /><Parameter Name="includePrerelease" Type="Edm.Boolean" Mode="In" />',
    '</FunctionImport>',
    '<FunctionImport Name="FindPackagesById" EntitySet="Packages" ReturnType="Collection(NuGetGallery.V2FeedPackage)" m:HttpMethod="GET">',
    '<Parameter Name="id" Type="Edm.String" Mode="In" />',
    '</FunctionImport>',
    '</EntityContainer>',
    '</Schema>',
    '</edmx:DataServices>',
    '</edmx:Edmx>',
  ].join('');
}
