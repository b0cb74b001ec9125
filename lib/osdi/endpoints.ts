import {
  getOsdiCampaign,
  hasOsdiCampaign,
  listOsdiCampaigns,
  type OsdiCampaignKind,
} from "@/db/queries/osdi-campaigns";
import { getOsdiPerson, listOsdiPeople } from "@/db/queries/osdi-people";
import {
  getOsdiSupporter,
  listOsdiSupportersOf,
  listOsdiSupportersOfPerson,
  type OsdiSupporterKind,
} from "@/db/queries/osdi-supporters";
import { isRowId, type OsdiPage, type OsdiPageRequest } from "@/lib/domain/osdi";
import { curies, halCollection, NOT_FOUND, OSDI_BASE_PATH, type Link } from "./hal";
import {
  campaignResource,
  entryPoint,
  OSDI_NAMES,
  personResource,
  SUPPORTER_OF,
  supporterResource,
} from "./resources";
import { pageRequestOf, serveOsdi, type OsdiAnswer, type OsdiCall } from "./serve";

const notFound: OsdiAnswer = { status: 404, error: NOT_FOUND };

const route = (path: string) => `${OSDI_BASE_PATH}${path}`;

/** A single resource's answer, with the curies its `_links` need. */
function one(origin: string, resource: { _links: object }): OsdiAnswer {
  return { body: { ...resource, _links: { ...resource._links, curies: curies(origin) } }, rowCount: 1 };
}

/**
 * A page of a collection: the page the caller asked for (or why it cannot be read), of the rows
 * `read` returns, each as `item` makes it. `exists`, when given, answers 404 for a missing parent.
 */
async function collection<Row extends { id: string; modified_date: string }>(
  call: OsdiCall,
  rel: string,
  read: (request: OsdiPageRequest) => Promise<OsdiPage<Row>>,
  item: (row: Row) => { _links: { self: Link } },
  exists?: () => Promise<boolean>,
): Promise<OsdiAnswer> {
  const paging = pageRequestOf(call);
  if (!paging.ok) return paging.answer;
  if (exists && !(await exists())) return notFound;
  const page = await read(paging.request);
  return {
    body: halCollection({ url: call.url, rel, page, request: paging.request, item }),
    rowCount: page.rows.length,
  };
}

/** GET /api/osdi/v1: the entry point, open to a key that reads either petitions or people. */
export function handleOsdiEntryPoint(request: Request): Promise<Response> {
  return serveOsdi(
    request,
    { route: route(""), scopes: ["read:petitions", "read:people"] },
    async (call) => ({
      body: entryPoint(call.origin),
      rowCount: 0,
    }),
  );
}

/** GET /api/osdi/v1/petitions (or /pledges): every petition, open or closed. */
export function handleOsdiCampaigns(request: Request, kind: OsdiCampaignKind): Promise<Response> {
  const names = OSDI_NAMES[kind];
  return serveOsdi(request, { route: route(`/${names.path}`), scopes: ["read:petitions"] }, (call) =>
    collection(
      call,
      names.rel,
      (page) => listOsdiCampaigns(kind, page),
      (row) => campaignResource(call.origin, kind, row),
    ),
  );
}

/** GET /api/osdi/v1/petitions/{id} (or /pledges/{id}). */
export function handleOsdiCampaign(request: Request, kind: OsdiCampaignKind, id: string): Promise<Response> {
  const names = OSDI_NAMES[kind];
  return serveOsdi(
    request,
    { route: route(`/${names.path}/{id}`), scopes: ["read:petitions"] },
    async (call) => {
      const row = isRowId(id) ? await getOsdiCampaign(kind, id) : null;
      return row ? one(call.origin, campaignResource(call.origin, kind, row)) : notFound;
    },
  );
}

/**
 * GET /api/osdi/v1/petitions/{id}/signatures (or /pledges/{id}/takers): the verified ones.
 * They carry what a person wrote, so they need read:people.
 */
export function handleOsdiSupporters(
  request: Request,
  kind: OsdiCampaignKind,
  id: string,
): Promise<Response> {
  const supporter = SUPPORTER_OF[kind];
  const names = OSDI_NAMES[supporter];
  return serveOsdi(
    request,
    { route: route(`/${OSDI_NAMES[kind].path}/{id}/${names.path}`), scopes: ["read:people"] },
    async (call) =>
      isRowId(id)
        ? collection(
            call,
            names.rel,
            (page) => listOsdiSupportersOf(supporter, id, page),
            (row) => supporterResource(call.origin, supporter, row),
            () => hasOsdiCampaign(kind, id),
          )
        : notFound,
  );
}

/** GET /api/osdi/v1/petitions/{id}/signatures/{signatureId} (or /pledges/{id}/takers/{takerId}). */
export function handleOsdiSupporter(
  request: Request,
  kind: OsdiCampaignKind,
  id: string,
  supporterId: string,
): Promise<Response> {
  const supporter = SUPPORTER_OF[kind];
  const names = OSDI_NAMES[supporter];
  return serveOsdi(
    request,
    {
      route: route(`/${OSDI_NAMES[kind].path}/{id}/${names.path}/{${supporter}Id}`),
      scopes: ["read:people"],
    },
    async (call) => {
      const row =
        isRowId(id) && isRowId(supporterId) ? await getOsdiSupporter(supporter, id, supporterId) : null;
      return row ? one(call.origin, supporterResource(call.origin, supporter, row)) : notFound;
    },
  );
}

/** GET /api/osdi/v1/people: everyone with a verified signature or pledge taking. */
export function handleOsdiPeople(request: Request): Promise<Response> {
  return serveOsdi(request, { route: route("/people"), scopes: ["read:people"] }, (call) =>
    collection(call, "osdi:people", listOsdiPeople, (row) => personResource(call.origin, row)),
  );
}

/** GET /api/osdi/v1/people/{id}. */
export function handleOsdiPerson(request: Request, id: string): Promise<Response> {
  return serveOsdi(request, { route: route("/people/{id}"), scopes: ["read:people"] }, async (call) => {
    const row = isRowId(id) ? await getOsdiPerson(id) : null;
    return row ? one(call.origin, personResource(call.origin, row)) : notFound;
  });
}

/** GET /api/osdi/v1/people/{id}/signatures (or /people/{id}/takers): one person's verified ones. */
export function handleOsdiPersonSupporters(
  request: Request,
  id: string,
  supporter: OsdiSupporterKind,
): Promise<Response> {
  const names = OSDI_NAMES[supporter];
  return serveOsdi(
    request,
    { route: route(`/people/{id}/${names.path}`), scopes: ["read:people"] },
    async (call) =>
      isRowId(id)
        ? collection(
            call,
            names.rel,
            (page) => listOsdiSupportersOfPerson(supporter, id, page),
            (row) => supporterResource(call.origin, supporter, row),
            async () => (await getOsdiPerson(id)) !== null,
          )
        : notFound,
  );
}
