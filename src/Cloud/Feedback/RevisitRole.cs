namespace AfterSales.Cloud.Feedback;

/// <summary>Who makes a revisit; each role has its own share of jobs to revisit (seed 003 Ⅱ).</summary>
public enum RevisitRole
{
    Manager,
    Supervisor,
    RepairLead,
}
