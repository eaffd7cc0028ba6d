using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Feedback;

/// <summary>
/// Revisits as work (docs/service-rules.md §4.4, §4.4a): the manager's list (due, overdue, done), the signed
/// record with its four checks, the finding handed to the technician as a message, and his confirmation.
/// Every call is narrowed to one company's sites.
/// </summary>
internal sealed class RevisitWorkService(IDbContextFactory<CloudDb> dbs, NotificationService notices, TimeProvider time)
{
    /// <summary>The company's revisits, open ones first by deadline, then the last done.</summary>
    public async Task<IReadOnlyList<RevisitRow>> ListAsync(string tenantId, string? technicianId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var sites = await db.Sites.AsNoTracking().Where(s => s.TenantId == tenantId).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var ids = sites.Keys.ToList();
        var rows = await db.Revisits.AsNoTracking().Where(r => ids.Contains(r.SiteId))
            .Join(db.Tickets.AsNoTracking(), r => r.TicketId, t => t.Id, (r, t) => new { Revisit = r, t.TechnicianId })
            .Where(x => technicianId == null || x.TechnicianId == technicianId)
            .ToListAsync(cancellationToken);
        var names = await db.Technicians.AsNoTracking().Where(t => t.TenantId == tenantId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return [.. rows
            .Select(x => new RevisitRow(x.Revisit, sites[x.Revisit.SiteId], x.TechnicianId, x.TechnicianId is { } t ? names.GetValueOrDefault(t, t) : null,
                RevisitRules.Standing(x.Revisit, now), RevisitRules.AcknowledgementOverdue(x.Revisit, now)))
            .OrderBy(r => r.Standing == RevisitStanding.Done)
            .ThenBy(r => r.Standing == RevisitStanding.Done ? -(r.Revisit.DoneAt ?? r.Revisit.DueBy).ToUnixTimeSeconds() : r.Revisit.DueBy.ToUnixTimeSeconds())];
    }

    public async Task<RevisitRow?> FindAsync(string tenantId, long id, CancellationToken cancellationToken) =>
        (await ListAsync(tenantId, null, cancellationToken)).SingleOrDefault(r => r.Revisit.Id == id);

    /// <summary>
    /// Records the signed revisit. A finding goes to the repair's technician at once, in writing, with a link to
    /// confirm it (§4.4a). False when the company has no such revisit.
    /// </summary>
    /// <exception cref="InvalidOperationException">The revisit is signed already.</exception>
    public async Task<bool> CompleteAsync(string tenantId, long id, RevisitChecks checks, string signerName, byte[] signature, string recordedBy, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var revisit = await db.Revisits.SingleOrDefaultAsync(r => r.Id == id && mine.Contains(r.SiteId), cancellationToken);
        if (revisit is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        revisit.Complete(checks, signerName, signature, recordedBy, now);
        var technician = await db.Tickets.Where(t => t.Id == revisit.TicketId).Select(t => t.TechnicianId).SingleOrDefaultAsync(cancellationToken);
        if (revisit.Finding is { } finding && technician is not null)
        {
            notices.Send(db, Recipients.Technician(technician), NoticeKind.General, revisit.TicketId,
                T => T["Revisit of job {0} found: {1} — please read and confirm within 24 h.", revisit.TicketId, finding], $"/jobs/findings#revisit-{revisit.Id}");
            revisit.HandOver(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The technician confirms he read a finding about his own job; false for any other.</summary>
    public async Task<bool> AcknowledgeAsync(string tenantId, string technicianId, long id, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var jobs = db.Tickets.Where(t => t.TechnicianId == technicianId).Select(t => t.Id);
        var revisit = await db.Revisits
            .Where(r => r.Id == id && mine.Contains(r.SiteId) && r.FindingHandedOverAt != null && jobs.Contains(r.TicketId))
            .SingleOrDefaultAsync(cancellationToken);
        if (revisit is null)
        {
            return false;
        }

        revisit.Acknowledge(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
