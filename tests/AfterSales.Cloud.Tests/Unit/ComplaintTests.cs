using AfterSales.Cloud.Feedback;

namespace AfterSales.Cloud.Tests.Unit;

public class ComplaintTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static Complaint Registered() =>
        Complaint.Register("2611-001", "site-a", "Late", ComplaintCause.LateArrival, serviceAtFault: true, serious: false, Received, new ComplaintPolicy(), "li", 17);

    [Fact]
    public void Register_WithTechnicianAndTicket_KeepsThemAndStartsBothClocks()
    {
        var complaint = Registered();

        Assert.Equal(("li", 17L), (complaint.TechnicianId, complaint.TicketId));
        Assert.Equal((Received.AddHours(4), Received.AddHours(48)), (complaint.AnswerDueAt, complaint.ResolveDueAt));
    }

    [Fact]
    public void AnswerAndResolve_Again_TheFirstMomentsCountAndTheNewFixIsKept()
    {
        var complaint = Registered();
        complaint.Answer(Received.AddHours(3));
        complaint.Resolve("Supervisor called the customer", Received.AddHours(20));

        complaint.Answer(Received.AddHours(30));
        complaint.Resolve("  Route planning changed  ", Received.AddHours(30));

        Assert.Equal((Received.AddHours(3), Received.AddHours(20), "Route planning changed"), (complaint.AnsweredAt, complaint.ResolvedAt, complaint.Fix));
    }

    [Fact]
    public void Resolve_WithoutAFix_Refused() =>
        Assert.Throws<ArgumentException>(() => Registered().Resolve(" ", Received.AddHours(1)));

    [Fact]
    public void Escalate_SecondTime_RefusedAndTheFirstStands()
    {
        var complaint = Registered();
        complaint.Escalate(Received.AddHours(49));

        Assert.Throws<InvalidOperationException>(() => complaint.Escalate(Received.AddHours(80)));

        Assert.Equal((Received.AddHours(49), Received.AddHours(49)), (complaint.EscalatedAt, complaint.RemindedAt));
    }

    [Fact]
    public void Reclassify_ChangesCauseAndFault_AndReturnsTheAuditEntry()
    {
        var complaint = Complaint.Register("2611-002", "site-a", "Came late", ComplaintCause.Unclassified, serviceAtFault: false, serious: false, Received, new ComplaintPolicy());

        var change = complaint.Reclassify(ComplaintCause.LateArrival, serviceAtFault: true, "manager", Received.AddHours(2));

        Assert.NotNull(change);
        Assert.Equal((ComplaintCause.Unclassified, false, ComplaintCause.LateArrival, true, "manager", Received.AddHours(2)),
            (change.FromCause, change.FromServiceAtFault, change.ToCause, change.ToServiceAtFault, change.By, change.At));
        Assert.Equal((ComplaintCause.LateArrival, true, "manager", Received.AddHours(2)), (complaint.Cause, complaint.ServiceAtFault, complaint.ClassifiedBy, complaint.ClassifiedAt));
        Assert.Null(complaint.Reclassify(ComplaintCause.LateArrival, serviceAtFault: true, "someone", Received.AddHours(3)));
        Assert.Equal("manager", complaint.ClassifiedBy);
    }

    [Fact]
    public void Reclassify_BackToUnclassifiedOrAnUnknownCause_RefusedAndUnchanged()
    {
        var complaint = Registered();

        Assert.Throws<ArgumentException>(() => complaint.Reclassify(ComplaintCause.Unclassified, false, "manager", Received));
        Assert.Throws<ArgumentException>(() => complaint.Reclassify((ComplaintCause)99, false, "manager", Received));

        Assert.Equal((ComplaintCause.LateArrival, true, (string?)null), (complaint.Cause, complaint.ServiceAtFault, complaint.ClassifiedBy));
    }

    [Fact]
    public void Reclassify_AtTheServicesFaultOrNot_DecidesWhetherItBecomesMajor()
    {
        var policy = new ComplaintPolicy();
        var complaint = Complaint.Register("2611-003", "site-a", "Came late", ComplaintCause.Unclassified, serviceAtFault: false, serious: false, Received, policy);
        var monthLater = Received.AddDays(policy.MajorAfterDays + 1);
        Assert.False(ComplaintRules.IsMajor(complaint, monthLater, policy));

        complaint.Reclassify(ComplaintCause.LateArrival, serviceAtFault: true, "manager", Received.AddHours(1));
        Assert.True(ComplaintRules.IsMajor(complaint, monthLater, policy));

        complaint.Reclassify(ComplaintCause.Product, serviceAtFault: false, "manager", Received.AddHours(2));
        Assert.False(ComplaintRules.IsMajor(complaint, monthLater, policy));
    }
}
