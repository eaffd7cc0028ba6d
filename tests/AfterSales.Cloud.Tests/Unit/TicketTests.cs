using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tests.Unit;

/// <summary>The ticket keeps its own lifecycle rules: what the state machine forbids, the ticket refuses and stays as it was.</summary>
public class TicketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

    private static Ticket NewTicket() =>
        TicketMaker.Open(TicketMaker.Raised("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline, T0, seq: 7)).WithId(42);

    private static Ticket OnSite()
    {
        var ticket = NewTicket();
        ticket.AssignTo("li", T0.AddMinutes(1));
        ticket.Accept(T0.AddMinutes(5));
        ticket.Arrive(T0.AddHours(1));
        return ticket;
    }

    private static Ticket Resolved()
    {
        var ticket = OnSite();
        ticket.Resolve("Replaced the PoE injector.", T0.AddHours(2));
        return ticket;
    }

    [Fact]
    public void Open_RaisedFault_OpenWithOneRaiseAndTheClockFromTheFault()
    {
        var ticket = NewTicket();

        Assert.Equal((TicketStatus.Open, 1, T0, T0, 7L, "gw-1"), (ticket.Status, ticket.RaiseCount, ticket.OpenedAt, ticket.FirstOpenedAt, ticket.LastSeq, ticket.LastGatewayId));
        Assert.False(ticket.IsAssigned);
        Assert.Equal(1, ticket.Visit);
    }

    [Fact]
    public void Accept_NobodyDispatched_RefusedWithTheReasonAndUnchanged()
    {
        var ticket = NewTicket();

        var refused = Assert.Throws<WorkflowRefusedException>(() => ticket.Accept(T0));

        Assert.Equal("Ticket 42: a ticket that is open cannot be accepted.", refused.Message);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.AcceptedAt);
    }

    [Fact]
    public void AssignTo_OpenTicket_DispatchesToTheTechnician()
    {
        var ticket = NewTicket();

        var change = ticket.AssignTo("li", T0.AddMinutes(1));

        Assert.Equal(new StatusChange(TicketCommand.Dispatch, TicketStatus.Open, TicketStatus.Dispatched), change);
        Assert.Equal(("li", T0.AddMinutes(1)), (ticket.TechnicianId, ticket.DispatchedAt));
        Assert.True(ticket.IsAssigned);
    }

    [Fact]
    public void AssignTo_AcceptedJob_ReassignsAndWaitsForANewAcceptance()
    {
        var ticket = NewTicket();
        ticket.AssignTo("li", T0.AddMinutes(1));
        ticket.Accept(T0.AddMinutes(5));

        var change = ticket.AssignTo("wang", T0.AddMinutes(20));

        Assert.Equal(new StatusChange(TicketCommand.Reassign, TicketStatus.Accepted, TicketStatus.Dispatched), change);
        Assert.Equal(("wang", T0.AddMinutes(20)), (ticket.TechnicianId, ticket.DispatchedAt));
        Assert.Null(ticket.AcceptedAt);
    }

    [Fact]
    public void Unassign_AcceptTimeout_BackToThePoolAndNotAssigned()
    {
        var ticket = NewTicket();
        ticket.AssignTo("li", T0.AddMinutes(1));

        ticket.Unassign(T0.AddMinutes(16));

        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.TechnicianId);
        Assert.False(ticket.IsAssigned);
    }

    [Fact]
    public void Resolve_WithoutADescription_Refused()
    {
        var ticket = OnSite();

        var refused = Assert.Throws<WorkflowRefusedException>(() => ticket.Resolve("  ", T0.AddHours(2)));

        Assert.Equal("Describe the cause and the repair before resolving.", refused.Message);
        Assert.Equal(TicketStatus.OnSite, ticket.Status);
    }

    [Fact]
    public void Resolve_OnSite_RecordsTheWorkAndLeavesTheJobOpenForTheSignature()
    {
        var ticket = Resolved();

        Assert.Equal((TicketStatus.Resolved, T0.AddHours(2), "Replaced the PoE injector."), (ticket.Status, ticket.ResolvedAt, ticket.Resolution));
        Assert.Null(ticket.ClosedAt);
        Assert.False(ticket.IsAssigned);
    }

    [Fact]
    public void Close_CustomerHasNotSigned_RefusedAndStaysResolved()
    {
        var ticket = Resolved();

        var refused = Assert.Throws<WorkflowRefusedException>(() => ticket.Close(customerSigned: false, T0.AddHours(3)));

        Assert.Equal("Ticket 42: the customer has not signed the job sheet yet.", refused.Message);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Null(ticket.ClosedAt);
    }

    [Fact]
    public void Close_Signed_FinishedAtThatMoment()
    {
        var ticket = Resolved();

        ticket.Close(customerSigned: true, T0.AddHours(3));

        Assert.Equal((TicketStatus.Closed, T0.AddHours(3)), (ticket.Status, ticket.ClosedAt));
    }

    [Fact]
    public void Sign_SecondSignature_Refused() =>
        Assert.Equal(
            "Ticket 42: the customer has already signed; a signature is never altered.",
            Assert.Throws<WorkflowRefusedException>(() => Resolved().Sign(alreadySigned: true, T0.AddHours(3))).Message);

    [Fact]
    public void SelfRestore_FaultStillActive_RefusedAndStaysOpen()
    {
        var ticket = NewTicket();

        Assert.Throws<WorkflowRefusedException>(() => ticket.SelfRestore(T0.AddMinutes(20)));

        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.False(ticket.SelfRestored);
    }

    [Fact]
    public void SelfRestore_FaultCleared_ClosedAsSelfRestored()
    {
        var ticket = NewTicket();
        ticket.RecordRestore(TicketMaker.Raised("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline, T0.AddMinutes(3), seq: 8) with { State = FaultState.Cleared });

        ticket.SelfRestore(T0.AddMinutes(18));

        Assert.Equal((TicketStatus.Closed, T0.AddMinutes(18), true, T0.AddMinutes(3)), (ticket.Status, ticket.ClosedAt, ticket.SelfRestored, ticket.RestoredAt));
    }

    [Fact]
    public void Reopen_ClosedJob_NewVisitWithNobodyAssignedAndOneMoreRepeat()
    {
        var ticket = Resolved();
        ticket.Close(customerSigned: true, T0.AddHours(3));

        var change = ticket.Reopen(T0.AddDays(2));

        Assert.Equal(new StatusChange(TicketCommand.Reopen, TicketStatus.Closed, TicketStatus.Open), change);
        Assert.Equal((2, 1), (ticket.Visit, ticket.RepeatCount));
        Assert.Equal([null, null, null, null, null, null], new object?[] { ticket.ClosedAt, ticket.TechnicianId, ticket.DispatchedAt, ticket.AcceptedAt, ticket.ArrivedAt, ticket.ResolvedAt });
    }

    [Fact]
    public void Reopen_JobStillOpen_Refused() =>
        Assert.Throws<WorkflowRefusedException>(() => NewTicket().Reopen(T0.AddHours(1)));

    [Fact]
    public void AttachRaise_ClosedTicket_RefusedBecauseARepeatReopensIt()
    {
        var ticket = Resolved();
        ticket.Close(customerSigned: true, T0.AddHours(3));

        Assert.Throws<WorkflowRefusedException>(() => ticket.AttachRaise(TicketMaker.Raised("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline, T0.AddDays(1), seq: 9)));
        Assert.Equal(1, ticket.RaiseCount);
    }

    [Fact]
    public void AttachRaise_MoreSevereRaise_KeepsTheMostUrgentSeverityAndClearsTheRestore()
    {
        var ticket = NewTicket();
        ticket.RecordRestore(TicketMaker.Raised("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline, T0.AddMinutes(3), seq: 8) with { State = FaultState.Cleared });

        ticket.AttachRaise(TicketMaker.Raised("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline, T0.AddMinutes(9), seq: 9) with { Severity = FaultSeverity.Critical });

        Assert.Equal((2, FaultSeverity.Critical, 9L), (ticket.RaiseCount, ticket.Severity, ticket.LastSeq));
        Assert.Null(ticket.RestoredAt);
    }

    [Fact]
    public void Pause_AlreadyPaused_Refused()
    {
        var ticket = OnSite();
        ticket.Pause("no access to the plant room", T0.AddHours(1.5));

        var refused = Assert.Throws<WorkflowRefusedException>(() => ticket.Pause("still no access", T0.AddHours(2)));

        Assert.Equal("The clock is already paused.", refused.Message);
        Assert.Equal(T0.AddHours(1.5), ticket.PausedAt);
    }

    [Fact]
    public void Pause_ResolvedJob_RefusedAsNotRunning() =>
        Assert.Equal(
            "Only a running job can wait for the customer.",
            Assert.Throws<WorkflowRefusedException>(() => Resolved().Pause("customer away", T0.AddHours(3))).Message);

    [Fact]
    public void Resume_NotPaused_Refused() =>
        Assert.Equal("The clock is not paused.", Assert.Throws<WorkflowRefusedException>(() => OnSite().Resume(T0.AddHours(2), due => due)).Message);

    [Fact]
    public void Resume_AfterAPause_ShiftsOnlyTheDeadlinesNotYetMet()
    {
        var ticket = NewTicket();
        ticket.SetDeadlines(false, T0.AddHours(3), T0.AddHours(8));
        ticket.AssignTo("li", T0.AddMinutes(1));
        ticket.SetAcknowledgeDue(T0.AddMinutes(16));
        ticket.Accept(T0.AddMinutes(5));
        ticket.Pause("customer asked to come after lunch", T0.AddHours(1));

        var pausedFor = ticket.Resume(T0.AddHours(2), due => due.AddHours(1));

        Assert.Equal(TimeSpan.FromHours(1), pausedFor);
        Assert.Equal((T0.AddMinutes(16), T0.AddHours(4), T0.AddHours(9)), (ticket.AcknowledgeDueAt, ticket.ArrivalDueAt, ticket.ResolutionDueAt));
        Assert.Null(ticket.PausedAt);
    }

    [Fact]
    public void SetDeadlines_NoArrivalTarget_NeedsAHuman()
    {
        var ticket = NewTicket();

        ticket.SetDeadlines(true, null, null);

        Assert.True(ticket.NeedsHuman);
        Assert.True(ticket.BusinessHoursClock);
    }

    [Fact]
    public void SetDeadlinesByHand_TechnicianAlreadyArrived_Refused()
    {
        var ticket = OnSite();

        var refused = Assert.Throws<WorkflowRefusedException>(() => ticket.SetDeadlinesByHand(T0.AddHours(4), T0.AddHours(12)));

        Assert.Equal("The technician has already arrived; the arrival deadline no longer matters.", refused.Message);
        Assert.Null(ticket.ArrivalDueAt);
    }

    [Fact]
    public void RequireLoaner_SecondTime_RefusedAndKeepsTheFirstMoment()
    {
        var ticket = OnSite();
        ticket.RequireLoaner(T0.AddHours(8));

        Assert.Throws<WorkflowRefusedException>(() => ticket.RequireLoaner(T0.AddHours(9)));
        Assert.Equal(T0.AddHours(8), ticket.LoanerRequiredAt);
    }

    [Fact]
    public void FollowRootCause_ThenRelease_BelongsToTheIncidentAndNoLongerFollows()
    {
        var ticket = NewTicket();
        ticket.FollowRootCause(5);

        ticket.ReleaseFromRootCause();

        Assert.Equal((5L, false), (ticket.IncidentId, ticket.FollowsRootCause));
    }
}
