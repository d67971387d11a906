// Calendar for one execution: CalendarApp always, the Calendar advanced service when appsscript.json enables it.
export { createCalendarApp } from './app';
export { CalendarAdvanced } from './advanced';
export { calendarStore } from './store';
export { CalendarApi } from './api';
