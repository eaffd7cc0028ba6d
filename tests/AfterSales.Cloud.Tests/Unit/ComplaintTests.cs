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
}
