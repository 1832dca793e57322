// Compiled (not run) against the typescript-fetch client generated from openapi.yaml: the client
// builds, its types say what the contract says, and it refuses bodies the contract refuses.
import {
  Configuration,
  TicketsApi,
  type MessagePosting,
  type TextModuleCreation,
  type Ticket,
  type TicketPage,
  type PlaceholderList,
} from "../../../target/generated-sources/openapi-ts";

export async function walk(base: string, token: string): Promise<string[]> {
  const tickets = new TicketsApi(new Configuration({ basePath: base, accessToken: token }));
  const page: TicketPage = await tickets.listTickets({ limit: 25, sort: "-created" });
  const next: string | null | undefined = page.nextCursor;
  const first: Ticket | undefined = page.items[0];
  const ids: number[] = first ? first.orderUnitIds : [];
  const withText: MessagePosting = { text: "Guten Tag", returnOptions: [] };
  const fromModule: MessagePosting = { textModuleId: 310 };
  const copy: TextModuleCreation = { copyOf: 12 };
  // @ts-expect-error a message needs text or textModuleId
  const empty: MessagePosting = {};
  // @ts-expect-error a new text module needs storefront, name and body (or copyOf)
  const blank: TextModuleCreation = {};
  // @ts-expect-error nextCursor is a string or null, never a number
  const wrongCursor: PlaceholderList = { items: [], nextCursor: 1 };
  return [String(next), String(ids.length), JSON.stringify([withText, fromModule, copy, empty, blank, wrongCursor])];
}
