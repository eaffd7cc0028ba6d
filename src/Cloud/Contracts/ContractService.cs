using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Contracts;

/// <summary>Contracts on record and the expiry notice one month before the end.</summary>
internal sealed partial class ContractService(IDbContextFactory<CloudDb> dbs, MailService mailer, Wording words, TenantCalendars calendars, TimeProvider time, ILogger<ContractService> log)
{
    /// <summary>Adds a contract for a site of <paramref name="tenantId"/>; another company's site is refused as unknown (<see cref="KeyNotFoundException"/>).</summary>
    public async Task<MaintenanceContract> AddAsync(string tenantId, MaintenanceContract contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (ContractRules.Problem(contract) is { } problem)
        {
            throw new ArgumentException(problem, nameof(contract));
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.IsSiteOfAsync(tenantId, contract.SiteId, cancellationToken))
        {
            throw new KeyNotFoundException($"Unknown site '{contract.SiteId}'.");
        }

        if (await db.Contracts.AnyAsync(c => c.Number == contract.Number, cancellationToken))
        {
            throw new ArgumentException($"Contract number '{contract.Number}' is taken.", nameof(contract));
        }

        db.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        return contract;
    }

    /// <summary>
    /// Changes a contract's period, category, contacts and service terms; the next ticket at the
    /// site runs on the new terms (tickets already open keep the deadlines they were given).
    /// Returns null when the contract is not one of the tenant's.
    /// </summary>
    public async Task<MaintenanceContract?> UpdateAsync(string tenantId, long id, MaintenanceContract change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var contract = await (from c in db.Contracts
                              join s in db.Sites on c.SiteId equals s.Id
                              where c.Id == id && s.TenantId == tenantId
                              select c).SingleOrDefaultAsync(cancellationToken);
        if (contract is null)
        {
            return null;
        }

        change.Number = contract.Number;
        change.SiteId = contract.SiteId;
        if (ContractRules.Problem(change) is { } problem)
        {
            throw new ArgumentException(problem, nameof(change));
        }

        (contract.Category, contract.StartsOn, contract.EndsOn, contract.InspectEveryMonths) = (change.Category, change.StartsOn, change.EndsOn, change.InspectEveryMonths);
        (contract.AcknowledgeMinutes, contract.ArrivalHours, contract.RepairHours, contract.Clock) = (change.AcknowledgeMinutes, change.ArrivalHours, change.RepairHours, change.Clock);
        (contract.ContactEmails, contract.ContactName) = (change.ContactEmails, change.ContactName);
        await db.SaveChangesAsync(cancellationToken);
        LogTermsChanged(log, contract.Number, contract.SiteId);
        return contract;
    }

    /// <summary>The contracts of <paramref name="tenantId"/>'s sites (of one site when <paramref name="siteId"/> is given).</summary>
    public async Task<List<MaintenanceContract>> ListAsync(string tenantId, string? siteId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var query = db.Contracts.AsNoTracking().Where(c => mine.Contains(c.SiteId));
        return await (siteId is null ? query : query.Where(c => c.SiteId == siteId)).OrderBy(c => c.SiteId).ThenBy(c => c.StartsOn).ToListAsync(cancellationToken);
    }

    /// <summary>Sends each due notice once; a contract renewed meanwhile (a later one for the site) gets none.</summary>
    public async Task<int> SendExpiryNoticesAsync(CancellationToken cancellationToken)
    {
        // "Today" is the company's local day: in Shanghai a contract's last day begins at 16:00 UTC the day before.
        // Every zone's day is within a day of UTC's, so the query takes one day more and each contract is judged on its company's.
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var earliest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var contracts = await db.Set<MaintenanceContract>().Where(c => c.ExpiryNoticeSentAt == null && c.EndsOn >= earliest).ToListAsync(cancellationToken);
        var siteIds = contracts.Select(c => c.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var sent = 0;
        foreach (var contract in contracts)
        {
            var site = sites[contract.SiteId];
            var today = calendars.For(site.TenantId).DayOf(now);
            if (!ContractRules.ExpiryNoticeDue(contract, today))
            {
                continue;
            }

            if (contracts.Any(c => c.SiteId == contract.SiteId && c.StartsOn > contract.EndsOn))
            {
                contract.ExpiryNoticeHandled(now);
                continue;
            }

            if (await mailer.SendAsync(Notice(contract, site, today), cancellationToken))
            {
                contract.ExpiryNoticeHandled(now);
                sent++;
                LogNoticeSent(log, contract.Number, contract.SiteId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>The notice in the company's language: it goes to the customer's contacts, who have no account.</summary>
    private OutgoingMail Notice(MaintenanceContract contract, Site site, DateOnly today)
    {
        using var language = words.ForCompany(site.TenantId);
        var T = words.Text;
        var days = contract.EndsOn.DayNumber - today.DayNumber;
        var end = T["{0:d MMMM yyyy}", contract.EndsOn].Value;
        var text = string.Join(
            "\n\n",
            T["Dear {0},", contract.ContactName ?? site.Customer ?? T["Customer"]],
            T["Your maintenance contract {0} for {1} ends on {2}, in {3} days. To keep the monthly inspections, the 24-hour fault response and the monthly reports going without a gap, we will call you to arrange a renewal visit. Reply to this message if you prefer a date.", contract.Number, site.Name, end, days],
            T["AfterSales service centre"]);
        return new OutgoingMail(ContractRules.Emails(contract), T["Your maintenance contract {0} ends on {1}", contract.Number, end], text);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contract {Number} (site {SiteId}) changed: the site's next tickets run on its terms")]
    private static partial void LogTermsChanged(ILogger logger, string number, string siteId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry notice for contract {Number} (site {SiteId}) sent")]
    private static partial void LogNoticeSent(ILogger logger, string number, string siteId);
}
