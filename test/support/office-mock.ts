/**
 * office-addin-mock, loadable under Jest on Node 20: the mock imports `office-addin-manifest` only for
 * its `OfficeApp` enum, but that package's entry point pulls in an ES-module-only dependency that Jest
 * cannot `require`. Point the import at the real enum module instead.
 */
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

import { OfficeMockObject } from "office-addin-mock";

export { OfficeMockObject };
