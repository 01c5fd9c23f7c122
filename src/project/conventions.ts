/**
 * The naming conventions of the official samples (`samples-typescript/*\/.eslintrc.js`): the last fallback when
 * neither discovery nor settings know the workflow roots, and for files that do not exist on disk.
 */
export const WORKFLOW_CONVENTION =
  /(^|\/)(workflows?\.[cm]?[jt]sx?|workflows?\/.+|[^/]+\.workflows?\.[cm]?[jt]sx?|workflows-[^/]+\.[cm]?[jt]sx?)$/;
export const ACTIVITY_CONVENTION = /(^|\/)(activities\.[cm]?[jt]sx?|activities\/.+|[^/]+\.activit(y|ies)\.[cm]?[jt]sx?)$/;
export const TEST_CONVENTION = /(^|\/)(__tests__\/.+|test\/.+|tests\/.+|[^/]+\.(test|spec)\.[cm]?[jt]sx?)$/;
