namespace AfterSales.Cloud.Feedback;

/// <summary>The four levels and how answers turn into satisfaction figures.</summary>
public static class SurveyScore
{
    public const int Levels = 4;

    public static readonly string[] LevelNames = ["Dissatisfied", "Fair", "Satisfied", "Very satisfied"];

    public static readonly string[] Questions = ["Attitude", "Skill", "Arrival time", "Keeping promises"];

    public static bool IsLevel(int? level) => level is >= 1 and <= Levels;

    public static bool IsAnswered(Survey s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.AnsweredAt is not null && IsLevel(s.Attitude) && IsLevel(s.Skill) && IsLevel(s.ArrivalTime) && IsLevel(s.KeepingPromises);
    }

    public static int[] Answers(Survey s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [s.Attitude ?? 0, s.Skill ?? 0, s.ArrivalTime ?? 0, s.KeepingPromises ?? 0];
    }

    /// <summary>A survey is "satisfied" when no answer is below level 3 (satisfied): the regulations' 满意.</summary>
    public static bool IsSatisfied(Survey s) => Answers(s).All(a => a >= 3);

    /// <summary>Share of answered surveys that are satisfied; null without answers.</summary>
    public static double? SatisfactionRate(IEnumerable<Survey> surveys)
    {
        var answered = surveys.Where(IsAnswered).ToList();
        return answered.Count == 0 ? null : (double)answered.Count(IsSatisfied) / answered.Count;
    }

    /// <summary>Average level per question (in <see cref="Questions"/> order), over answered surveys.</summary>
    public static double[] Averages(IEnumerable<Survey> surveys)
    {
        var answered = surveys.Where(IsAnswered).Select(Answers).ToList();
        return answered.Count == 0 ? [0, 0, 0, 0] : [.. Enumerable.Range(0, 4).Select(i => answered.Average(a => a[i]))];
    }
}
