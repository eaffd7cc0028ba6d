using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// Trades a one-time enrolment token for the gateway's broker credential (docs/service-rules.md §7.2):
/// a fresh secret, returned once, of which only the PBKDF2 hash is kept. The token is spent in one
/// conditional update, so two boards presenting it at once cannot both get a credential.
/// </summary>
internal sealed class GatewayEnrolmentStore(IDbContextFactory<CloudDb> dbs, TimeProvider time)
{
    public async Task<EnrolmentOutcome> EnrolAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = EnrolmentTokens.Hash(token);
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var gateway = await db.Gateways.AsNoTracking().SingleOrDefaultAsync(g => g.EnrolmentTokenHash == hash, cancellationToken);
        if (EnrolmentRules.Refusal(gateway, now) is { } refusal)
        {
            return EnrolmentOutcome.Refused(refusal);
        }

        var (secret, secretHash) = GatewaySecrets.Issue();
        var spent = await db.Gateways
            .Where(g => g.Id == gateway!.Id && g.EnrolmentTokenHash == hash && g.EnrolledAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.SecretHash, secretHash).SetProperty(g => g.EnrolledAt, now), cancellationToken);
        if (spent == 0)
        {
            return EnrolmentOutcome.Refused(EnrolmentRules.Refusal(await db.Gateways.AsNoTracking().SingleOrDefaultAsync(g => g.EnrolmentTokenHash == hash, cancellationToken), now)
                ?? "This enrolment token was used a moment ago.");
        }

        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == gateway!.SiteId, cancellationToken);
        return new EnrolmentOutcome(null, gateway!.Id, site, secret);
    }
}
