'use strict';
// A configuration's "faultFilters" decide which faults stop the session, in place of the ticks in
// the Breakpoints view: VS Code sends setExceptionBreakpoints from those ticks, and the tracker
// rewrites that request on its way to the adapter (VS Code passes the tracker the very message
// object it then sends).

/** Rewrites a setExceptionBreakpoints request to the configuration's filters; other messages pass. */
function applyFaultFilters(message, faultFilters) {
  if (!Array.isArray(faultFilters) || message.type !== 'request' || message.command !== 'setExceptionBreakpoints') {
    return message;
  }
  message.arguments = { filters: [...faultFilters] };
  return message;
}

module.exports = { applyFaultFilters };
