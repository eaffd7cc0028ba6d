using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Inspections;

/// <summary>What the technician records on site. A failed item opens a ticket through the ticket book, with the site's SLA.</summary>
internal sealed partial class InspectionService(IDbContextFactory<CloudDb> dbs, TicketDeskService tickets, SurveyService surveys, TimeProvider time, ILogger<InspectionService> log)
{
    /// <summary>The inspection with its items; null when it is not on a site of <paramref name="tenantId"/>.</summary>
    public async Task<InspectionJob?> FindAsync(string tenantId, long jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        return await db.Set<InspectionJob>().AsNoTracking().Include(j => j.Items).SingleOrDefaultAsync(j => j.Id == jobId && mine.Contains(j.SiteId), cancellationToken);
    }

    /// <summary>The month's inspections of <paramref name="tenantId"/>'s sites, of one technician when given.</summary>
    public async Task<List<InspectionJob>> ForTechnicianAsync(string tenantId, string? technicianId, DateOnly month, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var query = db.Set<InspectionJob>().AsNoTracking().Include(j => j.Items).Where(j => j.Month == month && mine.Contains(j.SiteId));
        if (technicianId is not null)
        {
            query = query.Where(j => j.TechnicianId == technicianId);
        }

        return await query.OrderBy(j => j.ScheduledFor).ThenBy(j => j.SiteId).ToListAsync(cancellationToken);
    }

    /// <summary>Records one item. Changing a result after completion is refused: the sheet is what the customer signed.</summary>
    public async Task RecordAsync(long jobId, long itemId, ItemResult result, string? note, CancellationToken cancellationToken)
    {
        if (result == ItemResult.Fail && string.IsNullOrWhiteSpace(note))
        {
            throw new InspectionException("Say what is wrong: a failed item needs a note for the repair ticket.");
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var job = await db.Set<InspectionJob>().Include(j => j.Items).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new InspectionException($"Inspection {jobId} does not exist.");
        var now = time.GetUtcNow();
        var item = job.Record(itemId, result, note, now);
        if (result == ItemResult.Fail && item.TicketId is null)
        {
            item.TicketId = await OpenDefectTicketAsync(db, job, item, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Completes the inspection and, when the customer signed on the phone, stores the signature with it in the
    /// same save: a refused signature leaves the inspection as it was (docs/service-rules.md §3.1a).
    /// </summary>
    public async Task CompleteAsync(long jobId, string? remarks, CancellationToken cancellationToken, InspectionSignOff? signOff = null)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var job = await db.Set<InspectionJob>().Include(j => j.Items).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new InspectionException($"Inspection {jobId} does not exist.");
        var now = time.GetUtcNow();
        var firstCompletion = job.Complete(remarks, now);
        if (signOff is not null)
        {
            job.Sign(signOff.SignerName, signOff.Png, signOff.CollectedBy, now);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The inspection is a job like any other: the customer gets its survey (every job, not a sample).
        if (firstCompletion)
        {
            var tenant = await db.Sites.Where(s => s.Id == job.SiteId).Select(s => s.TenantId).SingleAsync(cancellationToken);
            await surveys.IssueAsync(tenant, job.SiteId, job.TechnicianId, ticketId: null, job.Id, cancellationToken, invite: true);
        }

        var failed = job.Items.Count(i => i.Result == ItemResult.Fail);
        LogCompleted(log, job.Id, job.SiteId, failed);
    }

    /// <summary>The customer signs a sheet completed earlier without them; once (docs/service-rules.md §3.1a).</summary>
    public async Task SignAsync(long jobId, InspectionSignOff signOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var job = await db.Set<InspectionJob>().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new InspectionException($"Inspection {jobId} does not exist.");
        job.Sign(signOff.SignerName, signOff.Png, signOff.CollectedBy, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<long> OpenDefectTicketAsync(CloudDb db, InspectionJob job, InspectionItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deviceId = InspectionDefects.DeviceFor(item);
        var kind = item.DeviceId is null
            ? DeviceKind.Gateway
            : (await db.Set<InventoryDevice>().AsNoTracking().Where(d => d.SiteId == job.SiteId && d.DeviceId == item.DeviceId).Select(d => (DeviceKind?)d.Kind).SingleOrDefaultAsync(cancellationToken)) ?? DeviceKind.Gateway;
        await tickets.ApplyAsync(
            new FaultEvent
            {
                Schema = FaultEvent.SchemaV1,
                EventId = Guid.CreateVersion7(now),
                SiteId = job.SiteId,
                GatewayId = "cloud",
                Seq = 0,
                DeviceId = deviceId,
                DeviceKind = kind,
                Fault = CloudFaults.InspectionDefect,
                State = FaultState.Raised,
                Severity = FaultSeverity.Major,
                OccurredAt = now,
            },
            cancellationToken);
        return await db.Tickets.Where(t => t.SiteId == job.SiteId && t.DeviceId == deviceId && t.Fault == CloudFaults.InspectionDefect && t.ClosedAt == null)
            .Select(t => t.Id).SingleAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inspection {JobId} at {SiteId} completed with {Failed} failed items")]
    private static partial void LogCompleted(ILogger logger, long jobId, string siteId, int failed);
}
