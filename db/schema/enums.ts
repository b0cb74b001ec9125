import { pgEnum } from "drizzle-orm/pg-core";
import {
  COMMENT_REVIEWS,
  CONSENT_CHANNELS,
  CONSENT_KINDS,
  COUNT_SUBJECTS,
  FIGURE_NOTATIONS,
  REPORTING_METHODS,
  STAFF_ROLES,
  SUPPORT_STATES,
  TOKEN_PURPOSES,
  PETITION_UPDATE_KINDS,
  REJECTION_CATEGORIES,
} from "../../lib/domain/enums";

// The values, and what each means, live in lib/domain/enums.ts (a relative import: drizzle-kit reads
// this file without the @/ alias); code outside db/ imports them from there.
export type {
  CommentReview,
  ConsentChannel,
  ConsentKind,
  CountSubject,
  FigureNotation,
  ReportingMethod,
  StaffRole,
  SupportState,
  TokenPurpose,
  PetitionUpdateKind,
} from "../../lib/domain/enums";

export const supportState = pgEnum("support_state", SUPPORT_STATES);
export const staffRole = pgEnum("staff_role", STAFF_ROLES);
export const reportingMethod = pgEnum("reporting_method", REPORTING_METHODS);
export const figureNotation = pgEnum("figure_notation", FIGURE_NOTATIONS);
export const countSubject = pgEnum("count_subject", COUNT_SUBJECTS);
export const tokenPurpose = pgEnum("token_purpose", TOKEN_PURPOSES);
export const commentReview = pgEnum("comment_review", COMMENT_REVIEWS);
export const rejectionCategory = pgEnum("rejection_category", REJECTION_CATEGORIES);
export const consentKind = pgEnum("consent_kind", CONSENT_KINDS);
export const consentChannel = pgEnum("consent_channel", CONSENT_CHANNELS);
export const petitionUpdateKind = pgEnum("petition_update_kind", PETITION_UPDATE_KINDS);
