using AfterSales.Cloud.Tickets.Lifecycle;

namespace AfterSales.Cloud.Tests.Unit;

public class TicketStateMachineTests
{
    [Fact]
    public void Next_HappyPath_WalksFromOpenToClosed()
    {
        var status = TicketStatus.Open;
        (TicketCommand Command, bool Signed)[] steps =
        [
            (TicketCommand.Dispatch, false), (TicketCommand.Accept, false), (TicketCommand.Depart, false),
            (TicketCommand.Arrive, false), (TicketCommand.Resolve, false), (TicketCommand.Sign, false), (TicketCommand.Close, true),
        ];
        var seen = new List<TicketStatus>();
        foreach (var (command, signed) in steps)
        {
            var next = TicketStateMachine.Next(status, command, signed);
            Assert.True(next.Allowed, next.Refusal);
            status = next.To;
            seen.Add(status);
        }

        Assert.Equal(
            [TicketStatus.Dispatched, TicketStatus.Accepted, TicketStatus.EnRoute, TicketStatus.OnSite, TicketStatus.Resolved, TicketStatus.Resolved, TicketStatus.Closed],
            seen);
    }

    [Theory]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.OnSite)]
    public void Next_SignBeforeResolved_RefusedWithReason(TicketStatus status)
    {
        var next = TicketStateMachine.Next(status, TicketCommand.Sign, customerSigned: false);

        Assert.False(next.Allowed);
        Assert.Contains("after the work", next.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_SecondSignature_RefusedSignatureNeverAltered()
    {
        var next = TicketStateMachine.Next(TicketStatus.Resolved, TicketCommand.Sign, customerSigned: true);

        Assert.False(next.Allowed);
        Assert.Contains("never altered", next.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_CloseUnsigned_Refused() =>
        Assert.False(TicketStateMachine.Next(TicketStatus.Resolved, TicketCommand.Close, customerSigned: false).Allowed);

    [Theory]
    [InlineData(TicketStatus.Open, true)]
    [InlineData(TicketStatus.Dispatched, true)]
    [InlineData(TicketStatus.Accepted, false)]
    [InlineData(TicketStatus.OnSite, false)]
    public void Next_SelfRestore_OnlyBeforeSomeoneAccepted(TicketStatus status, bool allowed) =>
        Assert.Equal(allowed, TicketStateMachine.Next(status, TicketCommand.SelfRestore, false).Allowed);

    [Theory]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Cancelled)]
    [InlineData(TicketStatus.Resolved)]
    public void Next_Reopen_FromFinishedOrResolved_GoesBackToOpen(TicketStatus status) =>
        Assert.Equal(TicketStatus.Open, TicketStateMachine.Next(status, TicketCommand.Reopen, false).To);

    [Fact]
    public void Next_AcceptWhenNotDispatched_RefusedNamingBothStates()
    {
        var next = TicketStateMachine.Next(TicketStatus.Open, TicketCommand.Accept, false);

        Assert.False(next.Allowed);
        Assert.Equal("a ticket that is open cannot be accepted", next.Refusal);
    }

    [Fact]
    public void Next_ReassignAfterAcceptance_AllowedForTheDispatcher() =>
        Assert.Equal(TicketStatus.Dispatched, TicketStateMachine.Next(TicketStatus.EnRoute, TicketCommand.Reassign, false).To);

    [Fact]
    public void Next_EveryCommandFromClosed_OnlyReopenAllowed()
    {
        var allowed = Enum.GetValues<TicketCommand>().Where(c => TicketStateMachine.Next(TicketStatus.Closed, c, true).Allowed);

        Assert.Equal([TicketCommand.Reopen], allowed);
    }
}
