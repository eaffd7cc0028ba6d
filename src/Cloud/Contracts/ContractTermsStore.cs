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
    /// The contracts in force on <paramref name="at"/>'s day for many sites in one query per 500 sites (a desk
    /// batch's), instead of one query for each site's first ticket.
    /// </summary>
    public async Task ReadAheadAsync(CloudDb db, IEnumerable<string> siteIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = LocalDay(at);
        foreach (var chunk in _inForce.Unread(db, siteIds.Select(id => (id, day))).Select(key => key.SiteId).Chunk(500))
        {
            var covering = (await db.Contracts.AsNoTracking()
                .Where(c => chunk.Contains(c.SiteId) && c.StartsOn <= day && c.EndsOn >= day)
                .ToListAsync(cancellationToken)).ToLookup(c => c.SiteId, StringComparer.Ordinal);
            foreach (var siteId in chunk)
            {
                _inForce.Remember(db, (siteId, day), TermsInForce(covering[siteId], day));
            }
        }
    }

    private static ContractTerms? TermsInForce(IEnumerable<MaintenanceContract> covering, DateOnly day) =>
        ContractRules.InForce(covering, day) is { } contract ? ContractRules.Terms(contract) : null;

    public DateOnly LocalDay(DateTimeOffset at)
    {
        var local = at.ToInstant().InZone(terms.BusinessCalendar.Zone).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }
}
