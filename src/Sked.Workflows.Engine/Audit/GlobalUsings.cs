// The audit event records are the engine's vocabulary for what happened: every node and the
// interpreter name them, so they are in scope across the engine without a using per file.
global using Sked.Workflows.Engine.Audit.Events;
