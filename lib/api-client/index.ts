import { ZUpdateAnnotationResponse, type TUpdateAnnotationRequest } from "@/app/api/annotations/[id]/route.types";
import { ZRestoreAnnotationResponse } from "@/app/api/annotations/[id]/restore/route.types";
import { ZCreateReplyResponse, ZListRepliesResponse, type TCreateReplyRequest } from "@/app/api/annotations/[id]/replies/route.types";
import { ZResolveThreadResponse, type TResolveThreadRequest } from "@/app/api/annotations/[id]/resolve/route.types";
import { ZListReviewsResponse, ZSubmitReviewResponse, type TSubmitReviewRequest } from "@/app/api/annotations/[id]/reviews/route.types";
import { ZCreateAnnotationResponse, ZListAnnotationsResponse, type TCreateAnnotationRequest } from "@/app/api/articles/[id]/annotations/route.types";
import { ZArticleScoreResponse } from "@/app/api/articles/[id]/score/route.types";
import { ZAcceptSuggestionResponse, type TAcceptSuggestionRequest } from "@/app/api/articles/[id]/suggestions/accept/route.types";
import type { TDismissSuggestionRequest } from "@/app/api/articles/[id]/suggestions/dismiss/route.types";
import { ZResetCodebookEntryResponse, ZUpdateCodebookEntryResponse, type TUpdateCodebookEntryRequest } from "@/app/api/codebook/[tag]/route.types";
import { ZCreateArticleResponse, type TCreateArticleRequest } from "@/app/api/articles/route.types";
import { ZUpdateArticleResponse, type TUpdateArticleRequest } from "@/app/api/articles/[id]/route.types";
import { ZCorrectArticleResponse, type TCorrectArticleRequest } from "@/app/api/articles/[id]/body/route.types";
import { ZUpdateStoryResponse, type TUpdateStoryRequest } from "@/app/api/stories/[id]/route.types";
import { ZCreateStoryResponse, ZListStoriesResponse, type TCreateStoryRequest } from "@/app/api/stories/route.types";
import { ZSearchResponse, type TSearchRequest } from "@/app/api/search/route.types";
import { ZExtractArticleResponse, type TExtractArticleRequest } from "@/app/api/articles/extract/route.types";
import { ZImportAnnotationsResponse, type TImportAnnotationsRequest } from "@/app/api/import/annotations/route.types";
import { ZImportArticlesResponse, type TImportArticlesRequest } from "@/app/api/import/articles/route.types";
import { ZChangePasswordResponse, type TChangePasswordRequest } from "@/app/api/me/password/route.types";
import { ZMarkReadResponse, type TMarkReadRequest } from "@/app/api/notifications/read/route.types";
import { ZListNotificationsResponse, type TListNotificationsQuery } from "@/app/api/notifications/route.types";
import { ZUpdateReplyResponse, type TUpdateReplyRequest } from "@/app/api/replies/[id]/route.types";
import { ZReviewQueueResponse, type TReviewQueueRequest } from "@/app/api/review-queue/route.types";
import { ZChangeRoleResponse, type TChangeRoleRequest } from "@/app/api/team/users/[id]/route.types";
import { ZAddTeamUserResponse, type TAddTeamUserRequest } from "@/app/api/team/users/route.types";
import { ZTeamMembersResponse } from "@/app/api/team/members/route.types";
import { ZSetWeightsResponse, type TSetWeightsRequest } from "@/app/api/team/weights/route.types";
import type { TTag } from "@/lib/annotations/tags";
import { createHttp, type TFetch } from "./http";

export { ApiError, NETWORK_MESSAGE, SESSION_ENDED_MESSAGE, type TApiErrorCode } from "./http";

const at = (id: string) => encodeURIComponent(id);

/**
 * One function per endpoint the web interface calls. Request types are the inputs of the zod schemas the routes
 * validate with and answers are parsed with the routes' response schemas, both from the `route.types.ts` beside
 * each route (docs/api.md, The typed client). Every failure is an ApiError.
 */
export function createApiClient(fetcher: TFetch = (url, init) => fetch(url, init)) {
  const http = createHttp(fetcher);
  return {
    createArticle: (body: TCreateArticleRequest) => http.data({ method: "POST", path: "/api/articles", json: body }, ZCreateArticleResponse),
    updateArticle: (id: string, body: TUpdateArticleRequest) =>
      http.data({ method: "PATCH", path: `/api/articles/${at(id)}`, json: body }, ZUpdateArticleResponse),
    /** A corrected text: a new version, with every annotation re-anchored on it (or orphaned). */
    correctArticle: (id: string, body: TCorrectArticleRequest) =>
      http.data({ method: "PUT", path: `/api/articles/${at(id)}/body`, json: body }, ZCorrectArticleResponse),
    search: (query: TSearchRequest) => http.data({ method: "GET", path: "/api/search", query }, ZSearchResponse),
    listStories: () => http.data({ method: "GET", path: "/api/stories" }, ZListStoriesResponse),
    createStory: (body: TCreateStoryRequest) => http.data({ method: "POST", path: "/api/stories", json: body }, ZCreateStoryResponse),
    updateStory: (id: string, body: TUpdateStoryRequest) => http.data({ method: "PATCH", path: `/api/stories/${at(id)}`, json: body }, ZUpdateStoryResponse),
    /** The article on a web page (fetched by the server) or in a saved page's HTML, for the user to check; nothing is saved. */
    extractArticle: (body: TExtractArticleRequest) => http.data({ method: "POST", path: "/api/articles/extract", json: body }, ZExtractArticleResponse),

    listAnnotations: (articleId: string) =>
      http.data({ method: "GET", path: `/api/articles/${at(articleId)}/annotations` }, ZListAnnotationsResponse),
    createAnnotation: (articleId: string, body: TCreateAnnotationRequest) =>
      http.data({ method: "POST", path: `/api/articles/${at(articleId)}/annotations`, json: body }, ZCreateAnnotationResponse),
    updateAnnotation: (id: string, body: TUpdateAnnotationRequest) =>
      http.data({ method: "PATCH", path: `/api/annotations/${at(id)}`, json: body }, ZUpdateAnnotationResponse),
    deleteAnnotation: (id: string) => http.empty({ method: "DELETE", path: `/api/annotations/${at(id)}` }),
    /** Undo of a delete: the same annotation back, with its reviews and status. */
    restoreAnnotation: (id: string) => http.data({ method: "POST", path: `/api/annotations/${at(id)}/restore` }, ZRestoreAnnotationResponse),

    listReviews: (annotationId: string) => http.data({ method: "GET", path: `/api/annotations/${at(annotationId)}/reviews` }, ZListReviewsResponse),
    submitReview: (annotationId: string, body: TSubmitReviewRequest) =>
      http.data({ method: "POST", path: `/api/annotations/${at(annotationId)}/reviews`, json: body }, ZSubmitReviewResponse),
    listReplies: (annotationId: string) => http.data({ method: "GET", path: `/api/annotations/${at(annotationId)}/replies` }, ZListRepliesResponse),
    createReply: (annotationId: string, body: TCreateReplyRequest) =>
      http.data({ method: "POST", path: `/api/annotations/${at(annotationId)}/replies`, json: body }, ZCreateReplyResponse),
    updateReply: (id: string, body: TUpdateReplyRequest) => http.data({ method: "PATCH", path: `/api/replies/${at(id)}`, json: body }, ZUpdateReplyResponse),
    deleteReply: (id: string) => http.empty({ method: "DELETE", path: `/api/replies/${at(id)}` }),
    resolveThread: (annotationId: string, body: TResolveThreadRequest) =>
      http.data({ method: "POST", path: `/api/annotations/${at(annotationId)}/resolve`, json: body }, ZResolveThreadResponse),
    teamMembers: () => http.data({ method: "GET", path: "/api/team/members" }, ZTeamMembersResponse),
    listNotifications: (query: TListNotificationsQuery) => http.data({ method: "GET", path: "/api/notifications", query }, ZListNotificationsResponse),
    markNotificationsRead: (body: TMarkReadRequest) => http.data({ method: "POST", path: "/api/notifications/read", json: body }, ZMarkReadResponse),

    reviewQueue: (query: TReviewQueueRequest) => http.data({ method: "GET", path: "/api/review-queue", query }, ZReviewQueueResponse),

    acceptSuggestion: (articleId: string, key: TAcceptSuggestionRequest) =>
      http.data({ method: "POST", path: `/api/articles/${at(articleId)}/suggestions/accept`, json: key }, ZAcceptSuggestionResponse),
    dismissSuggestion: (articleId: string, key: TDismissSuggestionRequest) =>
      http.empty({ method: "POST", path: `/api/articles/${at(articleId)}/suggestions/dismiss`, json: key }),

    articleScore: (articleId: string) => http.data({ method: "GET", path: `/api/articles/${at(articleId)}/score` }, ZArticleScoreResponse),

    changePassword: (body: TChangePasswordRequest) => http.data({ method: "POST", path: "/api/me/password", json: body }, ZChangePasswordResponse),
    addTeamUser: (body: TAddTeamUserRequest) => http.data({ method: "POST", path: "/api/team/users", json: body }, ZAddTeamUserResponse),
    changeRole: (userId: string, body: TChangeRoleRequest) =>
      http.data({ method: "PATCH", path: `/api/team/users/${at(userId)}`, json: body }, ZChangeRoleResponse),
    updateCodebookEntry: (tag: TTag, entry: TUpdateCodebookEntryRequest) =>
      http.data({ method: "PUT", path: `/api/codebook/${at(tag)}`, json: entry }, ZUpdateCodebookEntryResponse),
    resetCodebookEntry: (tag: TTag) => http.data({ method: "DELETE", path: `/api/codebook/${at(tag)}` }, ZResetCodebookEntryResponse),
    setWeights: (body: TSetWeightsRequest) => http.data({ method: "PUT", path: "/api/team/weights", json: body }, ZSetWeightsResponse),

    importArticles: (form: TImportArticlesRequest) => http.data({ method: "POST", path: "/api/import/articles", form }, ZImportArticlesResponse),
    importAnnotations: (form: TImportAnnotationsRequest) =>
      http.data({ method: "POST", path: "/api/import/annotations", form }, ZImportAnnotationsResponse),
  };
}

export type TApiClient = ReturnType<typeof createApiClient>;

/** The browser's client: same-origin requests with the session cookie. */
export const api = createApiClient();
