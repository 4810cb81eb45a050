/** `GET /onfido/document-types`: which countries' documents of each type the simulator can verify. */
import { ASSURE_DOCUMENT_TYPES, onfidoDocumentType } from "../derive/mappings";
import { json, type Route } from "../http/router";
import { COUNTRIES, offersDocument } from "../people/countries";

const DOCUMENT_TYPES = ASSURE_DOCUMENT_TYPES.map((documentType) => ({
  documentType,
  countries: COUNTRIES.filter((c) => offersDocument(c, onfidoDocumentType(documentType))).map((c) => c.code),
}));

export const documentTypesRoute: Route = {
  method: "GET",
  pattern: /^\/assure\/onfido\/document-types$/,
  name: "documentTypes",
  auth: true,
  handle: () => json(200, DOCUMENT_TYPES),
};
