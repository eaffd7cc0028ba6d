using AfterSales.Protocol.Contracts;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>A fault event for the desk, with the trace it belongs to (so its "desk apply" span joins the fault's trace).</summary>
public sealed record DeskEvent(FaultEvent Event, string? TraceParent);
