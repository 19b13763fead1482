/// Staff actions that are audited but not announced as events: they change credentials or the webhook set-up
/// itself, or a console session, which the systems listening to webhooks have no use for (a new endpoint hearing of its own creation).
enum AuditAction: String, CaseIterable {
    case riderTokenIssued = "rider.token_issued"
    case ridersInvited = "riders.invited"
    case webhookAdded = "webhook.added"
    case webhookRemoved = "webhook.removed"
    case webhookSecretRotated = "webhook.secret_rotated"
    case webhookEnabled = "webhook.enabled"
    case webhookDeliveryReplayed = "webhook.delivery_replayed"
    case consoleSignedIn = "console.signed_in"
    case consoleSignedOut = "console.signed_out"
}
