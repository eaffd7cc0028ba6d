using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Web.Portal;

/// <summary>
/// The customer portal's reads and the complaint it files. Everything is narrowed to the sites whose
/// customer is the signed-in user's, within the user's own service company: a user without a customer
/// sees nothing (docs/people.md, "Customer portal"; docs/security.md, "Tenants").
/// </summary>
internal sealed class CustomerPortalService(IDbContextFactory<CloudDb> dbs, TicketQueryService tickets, ComplaintService complaints, TimeProvider time)
{
    /// <summary>How far back the portal lists finished jobs and their job sheets.</summary>
    public static readonly TimeSpan JobHistory = TimeSpan.FromDays(90);

    public const int ComplaintsShown = 20;

    public const int ReportsShown = 24;

    public async Task<IReadOnlyList<Site>> SitesAsync(DeskUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await SitesOf(db, user).OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The devices of one of the customer's sites; empty for any other site.</summary>
    public async Task<IReadOnlyList<InventoryDevice>> DevicesAsync(DeskUser user, string? siteId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = SitesOf(db, user).Select(s => s.Id);
        return await db.Set<InventoryDevice>().AsNoTracking().Where(d => d.SiteId == siteId && mine.Contains(d.SiteId)).OrderBy(d => d.DeviceId).ToListAsync(cancellationToken);
    }

    public async Task<PortalOverview> OverviewAsync(DeskUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var sites = await SitesOf(db, user).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var ids = sites.Select(s => s.Id).ToList();
        var names = sites.ToDictionary(s => s.Id, s => s.Name);
        var open = ids.Count == 0 ? [] : await tickets.OpenAsync(user, null, cancellationToken);
        var done = ids.Count == 0 ? [] : await tickets.ClosedSinceAsync(user, now - JobHistory, cancellationToken);

        var reports = await db.Set<ArchivedReport>().AsNoTracking()
            .Where(a => ids.Contains(a.SiteId) && a.Kind == ReportKinds.Monthly)
            .Select(a => new { a.SiteId, a.Period }).ToListAsync(cancellationToken);

        var today = DisplayZone.Calendar.DayOf(now);
        var technicians = await db.Technicians.AsNoTracking().Where(t => t.TenantId == user.TenantId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var inspections = await db.InspectionJobs.AsNoTracking()
            .Where(j => ids.Contains(j.SiteId) && j.CompletedAt == null && j.ScheduledFor >= today)
            .Select(j => new { j.SiteId, j.ScheduledFor, j.TechnicianId }).ToListAsync(cancellationToken);

        var since = now - JobHistory;
        var records = await db.InspectionJobs.AsNoTracking()
            .Where(j => ids.Contains(j.SiteId) && j.CompletedAt != null && j.CompletedAt >= since)
            .Select(j => new { j.Id, j.SiteId, CompletedAt = j.CompletedAt!.Value, j.SignerName, j.SignedAt }).ToListAsync(cancellationToken);

        var surveys = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.SiteId) && s.AnsweredAt == null)
            .Select(s => new { s.SiteId, s.SentAt, s.Token }).ToListAsync(cancellationToken);
        var complaintRows = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.SiteId)).ToListAsync(cancellationToken);

        return new PortalOverview(
            sites,
            open,
            done,
            [.. reports.OrderByDescending(r => r.Period).ThenBy(r => r.SiteId).Take(ReportsShown).Select(r => new PortalReport(r.SiteId, names[r.SiteId], r.Period))],
            [.. inspections.OrderBy(j => j.ScheduledFor).Select(j => new PortalInspection(names[j.SiteId], j.ScheduledFor, j.TechnicianId is { } t ? technicians.GetValueOrDefault(t, t) : null))],
            [.. surveys.OrderByDescending(s => s.SentAt).Select(s => new PortalSurvey(names[s.SiteId], s.SentAt, s.Token))],
            [.. complaintRows.OrderByDescending(c => c.ReceivedAt).Take(ComplaintsShown)],
            [.. records.OrderByDescending(r => r.CompletedAt).Select(r => new PortalInspectionRecord(r.Id, names[r.SiteId], r.CompletedAt, r.SignerName, r.SignedAt))]);
    }

    /// <summary>
    /// Files the customer's complaint about one of their sites (and, if they name one, a job of it) through the
    /// same register, numbering and clocks as a complaint the desk takes on the phone (docs/service-rules.md §4.2, §4.3).
    /// </summary>
    /// <exception cref="PortalRefusedException">No site of theirs, no text, or a job they cannot see; nothing is stored.</exception>
    public async Task<Complaint> FileComplaintAsync(DeskUser user, string? siteId, long? ticketId, string? summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problems = new List<string>();
        var sites = await SitesAsync(user, cancellationToken);
        if (string.IsNullOrWhiteSpace(siteId) || sites.All(s => s.Id != siteId))
        {
            problems.Add("Choose one of your sites.");
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            problems.Add("Write what went wrong.");
        }
        else if (summary.Trim().Length > ComplaintMaxLength)
        {
            problems.Add($"A complaint is limited to {ComplaintMaxLength} characters.");
        }

        if (ticketId is { } id && problems.Count == 0 && (await tickets.FindAsync(id, user, cancellationToken))?.SiteId != siteId)
        {
            problems.Add("That job is not one of this site's.");
        }

        if (problems.Count > 0)
        {
            throw new PortalRefusedException(problems);
        }

        // The desk classifies the cause and whether the service was at fault after looking into it (§4.3c);
        // until then a customer's complaint is unclassified, not against the service.
        return await complaints.RegisterAsync(user.TenantId, new ComplaintRequest(siteId!, summary!.Trim(), ComplaintCause.Unclassified, ServiceAtFault: false, TicketId: ticketId), cancellationToken);
    }

    /// <summary>The length the complaint register keeps (<c>Feedback/FeedbackConfiguration.cs</c>).</summary>
    public const int ComplaintMaxLength = 2000;

    private static IQueryable<Site> SitesOf(CloudDb db, DeskUser user) =>
        user.Role == ApiKeyRoles.Customer && user.Customer is { } customer
            ? db.Sites.AsNoTracking().Where(s => s.TenantId == user.TenantId && s.Customer == customer)
            : db.Sites.AsNoTracking().Where(_ => false);
}
