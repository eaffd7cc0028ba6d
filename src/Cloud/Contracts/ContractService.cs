using System.Globalization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Contracts;

/// <summary>Contracts on record and the expiry notice one month before the end.</summary>
internal sealed partial class ContractService(IDbContextFactory<CloudDb> dbs, MailService mailer, TimeProvider time, ILogger<ContractService> log)
{
    /// <summary>Adds a contract for a site of <paramref name="tenantId"/>; another company's site is refused as unknown (<see cref="KeyNotFoundException"/>).</summary>
    public async Task<MaintenanceContract> AddAsync(string tenantId, MaintenanceContract contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.EndsOn < contract.StartsOn || contract.InspectEveryMonths is < 1 or > 12)
        {
            throw new ArgumentException("A contract ends after it starts and inspects every 1 to 12 months.", nameof(contract));
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
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var contracts = await db.Set<MaintenanceContract>().Where(c => c.ExpiryNoticeSentAt == null && c.EndsOn >= today).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var contract in contracts.Where(c => ContractRules.ExpiryNoticeDue(c, today)))
        {
            if (contracts.Any(c => c.SiteId == contract.SiteId && c.StartsOn > contract.EndsOn))
            {
                contract.ExpiryNoticeHandled(time.GetUtcNow());
                continue;
            }

            var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == contract.SiteId, cancellationToken);
            if (await mailer.SendAsync(Notice(contract, site, today), cancellationToken))
            {
                contract.ExpiryNoticeHandled(time.GetUtcNow());
                sent++;
                LogNoticeSent(log, contract.Number, contract.SiteId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private static OutgoingMail Notice(MaintenanceContract contract, Site site, DateOnly today)
    {
        var days = contract.EndsOn.DayNumber - today.DayNumber;
        var end = contract.EndsOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var text = $"""
            Dear {contract.ContactName ?? site.Customer ?? "customer"},

            Your maintenance contract {contract.Number} for {site.Name} ends on {end}, in {days} days.
            To keep the monthly inspections, the 24-hour fault response and the monthly reports going
            without a gap, we will call you to arrange a renewal visit. Reply to this message if you
            prefer a date.

            AfterSales service centre
            """;
        return new OutgoingMail(ContractRules.Emails(contract), $"Your maintenance contract {contract.Number} ends on {end}", text);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry notice for contract {Number} (site {SiteId}) sent")]
    private static partial void LogNoticeSent(ILogger logger, string number, string siteId);
}
