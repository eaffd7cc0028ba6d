using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace AfterSales.Cloud.Contracts;

/// <summary>
/// Reads the terms of the contract in force for a site, from the database at the moment they are
/// needed: a contract saved a second ago sets the next ticket's deadlines (docs/service-rules.md §1.8).
/// Which day a contract covers is the company's local calendar day (the SLA calendar's time zone).
/// </summary>
internal sealed class ContractTermsStore(SlaTermsPolicy terms)
{
    // A new ticket asks three times (zone, deadlines, acknowledgement): read once per unit of work.
    private readonly UnitOfWorkMemo<(string SiteId, DateOnly Day), ContractTerms?> _inForce = new();

    public Task<ContractTerms?> InForceAsync(CloudDb db, string siteId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = LocalDay(at);
        return _inForce.GetOrReadAsync(db, (siteId, day), async () =>
        {
            var covering = await db.Contracts.AsNoTracking()
                .Where(c => c.SiteId == siteId && c.StartsOn <= day && c.EndsOn >= day)
                .ToListAsync(cancellationToken);
            return TermsInForce(covering, day);
        });
    }

    /// <summary>
    /// The contracts in force on <paramref name="at"/>'s day for many sites in few queries (a desk batch's
    /// sites), instead of one query for each site's first ticket.
    /// </summary>
    public Task ReadAheadAsync(CloudDb db, IEnumerable<string> siteIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = LocalDay(at);
        return _inForce.ReadAheadAsync(db, siteIds.Select(id => (id, day)), async chunk =>
        {
            var ids = chunk.Select(key => key.SiteId).ToList();
            var covering = (await db.Contracts.AsNoTracking()
                .Where(c => ids.Contains(c.SiteId) && c.StartsOn <= day && c.EndsOn >= day)
                .ToListAsync(cancellationToken)).ToLookup(c => c.SiteId, StringComparer.Ordinal);
            return key => TermsInForce(covering[key.SiteId], day);
        });
    }

    private static ContractTerms? TermsInForce(IEnumerable<MaintenanceContract> covering, DateOnly day) =>
        ContractRules.InForce(covering, day) is { } contract ? ContractRules.Terms(contract) : null;

    public DateOnly LocalDay(DateTimeOffset at)
    {
        var local = at.ToInstant().InZone(terms.BusinessCalendar.Zone).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }
}
