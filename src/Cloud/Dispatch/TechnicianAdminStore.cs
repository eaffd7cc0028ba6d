using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Dispatch;

/// <summary>
/// An admin's technicians and duty roster, narrowed to the admin's company. Dispatch reads both from
/// the database at every decision, so a change applies to the very next dispatch, without a restart
/// (docs/service-rules.md §7.3). Another company's technician or shift is answered as unknown (null,
/// false); every refusal is an <see cref="ArgumentException"/> whose message says what is wrong.
/// </summary>
internal sealed class TechnicianAdminStore(IDbContextFactory<CloudDb> dbs) : ITechnicianDirectory
{
    public async Task<bool> IsOwnAsync(string tenantId, string technicianId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Technicians.AnyAsync(t => t.Id == technicianId && t.TenantId == tenantId, cancellationToken);
    }

    public async Task<List<Technician>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Technicians.AsNoTracking().Where(t => t.TenantId == tenantId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Adds the technician, or changes the company's technician of that id.</summary>
    public async Task<Technician> SaveAsync(string tenantId, TechnicianDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var id = draft.Id?.Trim() ?? string.Empty;
        Require(SiteIds.IsValid(id), $"'{id}' is not a valid technician id: 1-{SiteIds.MaxLength} letters, digits, '-', '_' or '.'.");
        Require(!string.IsNullOrWhiteSpace(draft.Name), "A technician needs a name.");
        Require(draft.Phone is null || draft.Phone.Length <= 40, "A phone number has at most 40 characters.");
        var skills = draft.Skills.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        var unknown = skills.Except(Skills.All).ToList();
        Require(unknown.Count == 0, $"Unknown skill {string.Join(", ", unknown)}; use {string.Join(", ", Skills.All)}.");
        Require(skills.Count > 0, "A technician needs at least one skill, or no job would ever go to them.");
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var centre = await db.ServiceCentres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == draft.HomeCentreId && c.TenantId == tenantId, cancellationToken);
        Require(centre is not null, $"Unknown service centre '{draft.HomeCentreId}'.");
        var existing = await db.Technicians.FindAsync([id], cancellationToken);
        Require(existing is null || existing.TenantId == tenantId, $"The technician id '{id}' is taken.");
        if (existing is null)
        {
            existing = new Technician { Id = id, Name = draft.Name, TenantId = tenantId };
            db.Technicians.Add(existing);
        }

        (existing.Name, existing.Phone, existing.Skills) = (draft.Name.Trim(), string.IsNullOrWhiteSpace(draft.Phone) ? null : draft.Phone.Trim(), string.Join(',', skills));
        (existing.HomeCentreId, existing.BaseLatitude, existing.BaseLongitude) = (centre!.Id, centre.Latitude, centre.Longitude);
        (existing.Active, existing.WorksBusinessHours) = (draft.Active, draft.WorksBusinessHours);
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>The company's shifts that overlap [from, to), for the calendar.</summary>
    public async Task<List<DutyShift>> ShiftsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var own = db.Technicians.Where(t => t.TenantId == tenantId).Select(t => t.Id);
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        return await db.DutyShifts.AsNoTracking()
            .Where(s => own.Contains(s.TechnicianId) && s.Start < end && s.End > start)
            .OrderBy(s => s.Start).ThenBy(s => s.TechnicianId)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Puts a shift on the roster (docs/service-rules.md §7.3): one of the company's technicians, a known kind, at most 7 days, not overlapping another shift of theirs.</summary>
    public async Task<DutyShift> AddShiftAsync(string tenantId, string technicianId, DateTimeOffset start, DateTimeOffset end, string? kind, CancellationToken cancellationToken)
    {
        kind = string.IsNullOrWhiteSpace(kind) ? DutyShiftKinds.OnCall : kind.Trim();
        Require(DutyShiftKinds.IsKnown(kind), $"The shift kind '{kind}' is unknown; use {string.Join(", ", DutyShiftKinds.All)}.");
        Require(end > start, "A shift ends after it starts.");
        Require(end - start <= DutyShiftKinds.Longest, $"A shift lasts at most {DutyShiftKinds.Longest.TotalDays:0} days; add another for the next week.");
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        Require(await db.Technicians.AnyAsync(t => t.Id == technicianId && t.TenantId == tenantId, cancellationToken), $"Unknown technician '{technicianId}'.");

        // Stored as UTC: SQLite compares timestamps as numbers, which only orders correctly at one offset.
        var (from, to) = (start.ToUniversalTime(), end.ToUniversalTime());
        var clash = await db.DutyShifts.AsNoTracking().Where(s => s.TechnicianId == technicianId && s.Start < to && s.End > from).OrderBy(s => s.Start).FirstOrDefaultAsync(cancellationToken);
        Require(clash is null, $"'{technicianId}' already has a shift from {DisplayZone.Local(clash?.Start):yyyy-MM-dd HH:mm} to {DisplayZone.Local(clash?.End):yyyy-MM-dd HH:mm} that overlaps this one.");
        var shift = new DutyShift { TechnicianId = technicianId, Start = from, End = to, Kind = kind };
        db.DutyShifts.Add(shift);
        await db.SaveChangesAsync(cancellationToken);
        return shift;
    }

    /// <summary>Takes a shift off the roster; false when it is not one of the company's.</summary>
    public async Task<bool> RemoveShiftAsync(string tenantId, long shiftId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var own = db.Technicians.Where(t => t.TenantId == tenantId).Select(t => t.Id);
        return await db.DutyShifts.Where(s => s.Id == shiftId && own.Contains(s.TechnicianId)).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
