using AfterSales.Cloud.Feedback;

namespace AfterSales.Cloud.Kpis;

public sealed record ComplaintCauseLine(ComplaintCause Cause, int Count, int ServiceAtFault, int AnsweredOnTime, int ResolvedOnTime, IReadOnlyList<string> Fixes);

public sealed record SatisfactionMonth(DateOnly Month, int Answered, double? Satisfied, double[] Averages);

/// <summary>The monthly complaint analysis with causes and fixes, and the yearly satisfaction analysis (DOMAIN.md §4).</summary>
public static class FeedbackAnalysis
{
    public static IReadOnlyList<ComplaintCauseLine> ComplaintsByCause(IEnumerable<Complaint> complaints) =>
        [.. complaints.GroupBy(c => c.Cause).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new ComplaintCauseLine(
                g.Key,
                g.Count(),
                g.Count(c => c.ServiceAtFault),
                g.Count(ComplaintRules.AnsweredOnTime),
                g.Count(ComplaintRules.ResolvedOnTime),
                [.. g.Where(c => !string.IsNullOrWhiteSpace(c.Fix)).Select(c => $"{c.Number}: {c.Fix}")]))];

    /// <summary>Twelve months ending with <paramref name="lastMonth"/>, each with its satisfied share and per-question averages.</summary>
    public static IReadOnlyList<SatisfactionMonth> SatisfactionYear(IEnumerable<Survey> surveys, DateOnly lastMonth)
    {
        var answered = surveys.Where(SurveyScore.IsAnswered).ToList();
        return [.. Enumerable.Range(0, 12).Select(i => lastMonth.AddMonths(i - 11)).Select(m =>
        {
            var inMonth = answered.Where(s => s.AnsweredAt!.Value.Year == m.Year && s.AnsweredAt.Value.Month == m.Month).ToList();
            return new SatisfactionMonth(m, inMonth.Count, SurveyScore.SatisfactionRate(inMonth), SurveyScore.Averages(inMonth));
        })];
    }
}
