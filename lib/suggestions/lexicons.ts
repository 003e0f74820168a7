// Word lists the rules read. Lowercase; matched against the library's lowercase token values or lemmas.

/** Verbs of saying (PARC-style attribution cues), as lemmas. */
export const REPORTING_LEMMAS: ReadonlySet<string> = new Set([
  "say", "tell", "note", "warn", "acknowledge", "admit", "claim", "add", "state", "confirm", "announce", "report",
  "explain", "insist", "argue", "deny", "accuse", "write", "testify", "indicate", "assert", "reveal", "describe",
  "urge", "vow", "pledge", "promise", "concede", "dispute", "question", "caution", "predict", "allege", "contend",
  "disclose", "complain", "observe", "remark", "comment", "reply", "declare", "avow", "affirm", "stress",
  "emphasize", "emphasise", "tweet", "brief", "highlight", "counter",
]);

/**
 * Surface forms accepted whatever part of speech the tagger gave (headline verbs such as "avows" or "dispute"
 * after a plural subject come out as nouns). Checked only right after a noun-phrase head.
 */
export const REPORTING_FORMS: ReadonlySet<string> = new Set([
  "says", "said", "tells", "told", "avows", "avowed", "warns", "admits", "acknowledges", "insists", "adds",
  "confirms", "claims", "denies", "dispute", "disputes", "concede", "concedes", "say", "tell", "warn", "note", "notes",
]);

/** "issued a joint advisory", "released a statement": a verb of publishing plus a statement noun counts as saying. */
export const PUBLISHING_LEMMAS: ReadonlySet<string> = new Set(["issue", "release", "publish", "put", "send"]);
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set([
  "statement", "statements", "advisory", "advisories", "warning", "warnings", "report", "guidance", "alert",
  "alerts", "release", "memo", "notice", "letter", "bulletin",
]);

/** Verbs that documents do: "the study finds", "emails show". Only with a document as subject. */
export const DOCUMENT_VERB_LEMMAS: ReadonlySet<string> = new Set(["find", "show", "suggest", "conclude", "indicate", "reveal", "say", "note", "warn", "state"]);
export const DOCUMENT_VERB_FORMS: ReadonlySet<string> = new Set(["finds", "found", "shows", "show", "showed", "suggests", "concludes"]);

/** Posting is saying only when it says where or what: "posted on Facebook", "posted: “…”". */
export const POSTING_LEMMAS: ReadonlySet<string> = new Set(["post", "write", "tweet"]);

/** Unnamed people: a source with one of these heads and no name is anonymous. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  "official", "officials", "source", "sources", "person", "people", "aide", "aides", "adviser", "advisers", "advisor",
  "advisors", "diplomat", "diplomats", "executive", "executives", "employee", "employees", "staffer", "staffers",
  "worker", "workers", "member", "members", "insider", "insiders", "analyst", "analysts", "expert", "experts",
  "scientist", "scientists", "researcher", "researchers", "lawmaker", "lawmakers", "legislator", "legislators",
  "delegate", "delegates", "delegation", "counterpart", "counterparts", "manager", "managers", "nurse", "nurses",
  "doctor", "doctors", "engineer", "engineers", "ally", "allies", "mp", "mps", "backbencher",
  "backbenchers", "investigator", "investigators", "officer", "officers", "negotiator", "negotiators", "author",
  "authors", "witness", "witnesses", "observer", "observers", "critic", "critics", "supporter", "supporters",
  "individual", "individuals", "someone", "one", "others", "minister", "ministers", "senator", "senators",
  "representative", "representatives", "lawyer", "lawyers", "attorney", "attorneys", "economist", "economists",
  "strategist", "strategists", "operative", "operatives", "veteran", "veterans", "agent", "agents", "teacher",
  "teachers", "student", "students", "consultant", "consultants", "director", "directors", "friend", "friends",
  "pal", "pals", "colleague", "colleagues", "relative", "relatives", "acquaintance", "acquaintances", "neighbor",
  "neighbors", "neighbour", "neighbours", "associate", "associates", "confidant", "confidants", "deputy", "deputies",
]);

/** Modals that make a verb of saying hypothetical or future: "would say", "will announce". */
export const HYPOTHETICAL_MODALS: ReadonlySet<string> = new Set(["will", "would", "could", "might", "may", "shall", "should", "'ll", "'d"]);

/** First person outside quotations: the writer speaking in their own voice. */
export const FIRST_PERSON: ReadonlySet<string> = new Set(["i", "we", "me", "us", "our", "ours", "my", "mine", "ourselves", "myself"]);

/** Offices that speak for an institution on the record, named or not: "A Treasury spokesperson said". */
export const SPOKES_NOUNS: ReadonlySet<string> = new Set([
  "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen", "spokeswomen",
]);

/** Single office holders: "the mayor", "The Chancellor" identify a person; "a minister" does not. */
export const TITLE_NOUNS: ReadonlySet<string> = new Set([
  "mayor", "governor", "president", "chancellor", "secretary", "commissioner", "prime", "premier", "chairman",
  "chairwoman", "chair", "ceo", "cfo", "coo", "sheriff", "chief", "administrator", "superintendent", "ambassador",
  "attorney-general", "prosecutor", "judge", "speaker", "king", "queen", "pope", "treasurer", "auditor",
  "inspector", "coroner", "councilmember", "councilman", "councilwoman", "founder",
]);

/** Institutions: a source with one of these heads is an identified, on-record body ("the company said"). */
export const INSTITUTION_NOUNS: ReadonlySet<string> = new Set([
  "department", "ministry", "embassy", "agency", "agencies", "government", "administration", "company", "firm",
  "union", "council", "commission", "committee", "court", "police", "authority", "authorities", "office", "service",
  "bureau", "board", "army", "military", "pentagon", "university", "institute", "organization", "organisation",
  "association", "party", "regulator", "watchdog", "city", "state", "county", "treasury", "white", "house", "fbi",
  "cia", "nsa", "operator", "jail", "prison", "parliament", "congress", "senate", "cabinet", "prosecutors", "group",
  "corporation", "bank", "hospital", "school", "district", "team", "campaign", "club", "league", "foundation",
  "newspaper", "network", "station", "airline", "carrier", "manufacturer", "insurer", "charity", "coalition",
  "alliance", "federation", "secretariat", "inspectorate", "tribunal", "centre", "center", "laboratory", "lab",
  "journal", "times", "post", "press", "news", "reuters", "bloomberg",
]);

/** Documents: "according to reports" (unnamed) vs "according to a study published in Science Advances" (named). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  "report", "reports", "study", "studies", "statement", "statements", "release", "filing", "filings", "letter",
  "letters", "advisory", "data", "figures", "records", "record", "analysis", "survey", "memo", "memos", "documents",
  "document", "emails", "email", "audit", "findings", "research", "paper", "review", "assessment", "estimate",
  "estimates", "poll", "polls", "transcript", "transcripts", "messages", "minutes", "text", "texts",
]);

/** Determiners that make a description point back to something already mentioned. */
export const DEFINITE: ReadonlySet<string> = new Set(["the", "this", "that", "these", "those"]);
export const INDEFINITE: ReadonlySet<string> = new Set(["a", "an", "one", "some", "several", "two", "three", "four", "many", "few", "various", "other"]);

/** "Two of the officials", "a pair of anonymous sources": the head is after "of". */
export const PARTITIVE: ReadonlySet<string> = new Set([
  "one", "two", "three", "four", "five", "some", "several", "many", "most", "few", "pair", "handful", "number",
  "couple", "group", "dozen", "dozens", "none", "each", "all", "both", "majority", "third", "half",
]);

export const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "it", "they"]);

/** Capitalised words that are not names of a source: months, days, nationalities used as adjectives. */
export const NOT_A_NAME: ReadonlySet<string> = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "chinese", "american",
  "british", "russian", "european", "u.s.", "us", "uk", "u.k.", "federal", "local", "state", "internal", "then",
  "former", "current", "senior", "top",
]);

/** Verbs of being that turn a reporting verb passive: "is said to", "were reported". */
export const BE_FORMS: ReadonlySet<string> = new Set(["is", "are", "was", "were", "be", "been", "being", "'s"]);

/** Passive hearsay: "is said to", "is understood to", "was believed to". */
export const HEARSAY_PARTICIPLES: ReadonlySet<string> = new Set(["said", "understood", "thought", "believed", "reported", "rumoured", "rumored"]);
export const HEARSAY_ADVERBS: ReadonlySet<string> = new Set(["reportedly", "purportedly", "supposedly"]);

/** Subordinators and other words that start a new clause: a subject is never found across them. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  "that", "while", "whereas", "although", "though", "because", "if", "when", "after", "before", "since", "as",
  "until", "unless", "whether", "so", "but", "yet", "however",
]);

/** Phrases that mark a source as deliberately unnamed, wherever they stand in the sentence. */
export const ANONYMITY_PHRASES: readonly string[] = [
  "familiar with the matter", "familiar with the negotiations", "familiar with the talks", "familiar with the plans",
  "familiar with the discussions", "familiar with the investigation", "familiar with the situation",
  "familiar with the case", "familiar with the deal", "familiar with the decision", "familiar with the meeting",
  "familiar with", "on condition of anonymity", "condition of anonymity", "anonymity", "anonymous", "anonymously",
  "not authorized to", "not authorised to", "declined to be identified", "declined to be named",
  "refused to be identified", "refused to be named", "asked not to be named", "asked not to be identified",
  "asking not to be named", "asking not to be identified", "requested anonymity", "name be withheld",
  "names be withheld", "name was withheld", "speaking privately", "spoke privately", "speaking on background",
  "spoke on background", "on background", "off the record", "without authorization", "without authorisation",
  "who could not be named", "who cannot be named", "declined to give her name", "declined to give his name",
  "declined to give their names", "declined to give their name", "would not give her name", "would not give his name",
  "did not want to be named", "did not want to be identified", "asked that her name not be used",
  "asked that his name not be used", "asked that their names not be used",
];

/** Phrases that mark anonymity only right after people: "people close to", "a person with direct knowledge". */
export const PERSON_BOUND_PHRASES: readonly string[] = [
  "close to", "with knowledge of", "with direct knowledge", "with direct knowledge of", "with firsthand knowledge",
  "with knowledge", "briefed on", "present", "in the room", "involved in the talks", "involved in the discussions",
];

/** Documents whose provenance is not disclosed: "emails seen by The Ledger". Only right after a document noun. */
export const PROVENANCE_PHRASES: readonly string[] = ["seen by", "reviewed by", "obtained by", "viewed by", "leaked to", "shared with"];

/** Nouns that by themselves say a source is confidential. */
export const CONFIDENTIAL_SOURCE_LEMMAS: ReadonlySet<string> = new Set(["source", "insider"]);

/** Writer's appeals and calls to action. */
export const APPEAL_PHRASES: readonly string[] = [
  "let's", "let us", "we must", "we should", "we need to", "we ought to", "we have to", "we cannot afford",
  "it is time", "it's time", "the time has come", "enough is enough", "make no mistake", "let us be clear",
  "let's be clear", "let's be honest", "imagine if",
];

/** Modals that prescribe, in the writer's voice. */
export const PRESCRIPTIVE_MODALS: ReadonlySet<string> = new Set(["should", "must", "ought", "shouldn't", "mustn't"]);

/** Sentence adverbs by which a writer takes a stance. */
export const STANCE_PHRASES: readonly string[] = [
  "frankly", "obviously", "undoubtedly", "sadly", "unfortunately", "shockingly", "astonishingly", "alarmingly",
  "tellingly", "predictably", "inexplicably", "absurdly", "mercifully", "thankfully", "of course", "needless to say",
  "to be sure", "surely", "incredibly", "outrageously", "disgracefully", "shamefully", "laughably",
];

/** Loaded labels: words that judge while they name. */
export const LOADED_PHRASES: readonly string[] = [
  "regime", "so-called", "propaganda", "thugs", "cronies", "elites", "radical", "radicals", "extremist",
  "extremists", "woke", "globalist", "globalists", "mainstream media", "fake news", "censors", "censorship",
  "hostage", "hand-wringing", "dithering", "stonewalling", "fiasco", "debacle", "boondoggle", "travesty", "disgrace",
  "disgraceful", "shameful", "outrageous", "absurd", "ridiculous", "reckless", "scandalous", "hypocrisy",
  "hypocritical", "spineless", "cowardly", "sham", "witch hunt", "power grab", "rubber-stamp", "tyranny",
  "tyrannical", "despotic", "puppet", "bloated", "job-killing", "corrupt", "pathetic", "idiotic", "stupid",
];

/** Evaluative and promotional language repeated in the writer's voice. */
export const EVALUATIVE_PHRASES: readonly string[] = [
  "stark reminder", "sobering reminder", "game-changer", "game changer", "world-class", "state-of-the-art",
  "cutting-edge", "groundbreaking", "astonishing", "appalling", "troubling", "disturbing", "deplorable",
  "unacceptable", "inexcusable", "baffling", "laughable", "staggering", "breathtaking", "jaw-dropping",
  "raise troubling questions", "raises troubling questions", "raised significant concerns", "raise serious questions",
  "raises serious questions", "raised serious questions", "raise serious concerns", "raises serious concerns",
  "raised serious concerns", "raised significant concerns", "raise significant concerns", "raises significant concerns",
  "raise grave concerns", "raised grave concerns", "a slap in the face", "a kick in the teeth", "long overdue",
  "nothing short of", "beyond belief", "first-class", "best-in-class", "unparalleled", "unrivaled", "unrivalled",
];
