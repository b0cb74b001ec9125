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
import { isRowId } from "@/lib/domain/osdi";
import { curies, halCollection, NOT_FOUND, OSDI_BASE_PATH } from "./hal";
import {
  campaignResource,
  entryPoint,
  OSDI_NAMES,
  personResource,
  SUPPORTER_OF,
  supporterResource,
} from "./resources";
import { pageRequestOf, serveOsdi, type OsdiAnswer } from "./serve";

const notFound: OsdiAnswer = { status: 404, error: NOT_FOUND };

const route = (path: string) => `${OSDI_BASE_PATH}${path}`;

/** A single resource's answer, with the curies its `_links` need. */
function one(origin: string, resource: { _links: object }): OsdiAnswer {
  return { body: { ...resource, _links: { ...resource._links, curies: curies(origin) } }, rowCount: 1 };
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
  return serveOsdi(request, { route: route(`/${names.path}`), scopes: ["read:petitions"] }, async (call) => {
    const paging = pageRequestOf(call);
    if (!paging.ok) return paging.answer;
    const page = await listOsdiCampaigns(kind, paging.request);
    return {
      body: halCollection({
        url: call.url,
        rel: names.rel,
        page,
        request: paging.request,
        item: (row) => campaignResource(call.origin, kind, row),
      }),
      rowCount: page.rows.length,
    };
  });
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
    async (call) => {
      if (!isRowId(id)) return notFound;
      const paging = pageRequestOf(call);
      if (!paging.ok) return paging.answer;
      if (!(await hasOsdiCampaign(kind, id))) return notFound;
      const page = await listOsdiSupportersOf(supporter, id, paging.request);
      return {
        body: halCollection({
          url: call.url,
          rel: names.rel,
          page,
          request: paging.request,
          item: (row) => supporterResource(call.origin, supporter, row),
        }),
        rowCount: page.rows.length,
      };
    },
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
  return serveOsdi(request, { route: route("/people"), scopes: ["read:people"] }, async (call) => {
    const paging = pageRequestOf(call);
    if (!paging.ok) return paging.answer;
    const page = await listOsdiPeople(paging.request);
    return {
      body: halCollection({
        url: call.url,
        rel: "osdi:people",
        page,
        request: paging.request,
        item: (row) => personResource(call.origin, row),
      }),
      rowCount: page.rows.length,
    };
  });
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
    async (call) => {
      if (!isRowId(id)) return notFound;
      const paging = pageRequestOf(call);
      if (!paging.ok) return paging.answer;
      if (!(await getOsdiPerson(id))) return notFound;
      const page = await listOsdiSupportersOfPerson(supporter, id, paging.request);
      return {
        body: halCollection({
          url: call.url,
          rel: names.rel,
          page,
          request: paging.request,
          item: (row) => supporterResource(call.origin, supporter, row),
        }),
        rowCount: page.rows.length,
      };
    },
  );
}
