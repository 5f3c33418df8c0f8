/**
 * The messaging endpoint registered for the bot (Azure Bot resource → Configuration). A file of its own, without
 * botbuilder, so a replica with Teams off can name the route without loading the Teams SDK.
 */
export const TEAMS_MESSAGES_PATH = "/api/messages";
