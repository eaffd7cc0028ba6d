namespace AfterSales.Cloud.Feedback;

/// <summary>Where a revisit stands for the dispatcher's list.</summary>
public enum RevisitStanding
{
    /// <summary>Not done, its deadline still ahead.</summary>
    Due,

    /// <summary>Not done and past its deadline.</summary>
    Overdue,

    Done,
}
