using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Dispatch;

/// <summary>
/// Pure dispatch scoring: among qualified technicians on duty, the one who can be on site
/// soonest, provided that is within the deadline. Ties go to the one with fewer jobs.
/// </summary>
public static class DispatchPlanner
{
    public static DispatchChoice Choose(
        string skill,
        GeoPoint site,
        DateTimeOffset now,
        DateTimeOffset? deadline,
        IEnumerable<Candidate> candidates,
        IReadOnlySet<string> exclude,
        DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(exclude);
        ArgumentNullException.ThrowIfNull(options);
        var pool = candidates.Where(c => !exclude.Contains(c.TechnicianId)).ToList();
        var qualified = pool.Where(c => c.Skills.Contains(skill)).ToList();
        if (qualified.Count == 0)
        {
            return new DispatchChoice(null, null, $"nobody available has the {skill} skill");
        }

        var onDuty = qualified.Where(c => c.OnDuty).ToList();
        if (onDuty.Count == 0)
        {
            return new DispatchChoice(null, null, $"no {skill} technician is on duty");
        }

        var best = onDuty
            .Select(c => (Candidate: c, Eta: ExpectedArrival(c, site, now, options)))
            .OrderBy(x => x.Eta)
            .ThenBy(x => x.Candidate.Load)
            .ThenBy(x => x.Candidate.TechnicianId, StringComparer.Ordinal)
            .First();
        if (deadline is { } due && best.Eta > due)
        {
            return new DispatchChoice(null, best.Eta, string.Create(CultureInfo.InvariantCulture,
                $"the soonest, {best.Candidate.Name}, could arrive {DisplayZone.Local(best.Eta):HH:mm}, after the deadline {DisplayZone.Local(due):HH:mm}"));
        }

        return new DispatchChoice(best.Candidate.TechnicianId, best.Eta, string.Create(CultureInfo.InvariantCulture,
            $"{best.Candidate.From.DistanceKmTo(site):0.0} km away, {best.Candidate.Load} job(s) on hand, on site by {DisplayZone.Local(best.Eta):HH:mm}"));
    }

    public static DateTimeOffset ExpectedArrival(Candidate candidate, GeoPoint site, DateTimeOffset now, DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(options);
        var travel = TimeSpan.FromHours(candidate.From.DistanceKmTo(site) / options.TravelSpeedKmh);
        var queue = TimeSpan.FromMinutes(options.MinutesPerQueuedJob * candidate.Load);
        return now + queue + travel;
    }
}
