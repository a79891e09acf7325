// Placeholder until the page is built.
const CalendarPage = () => <p>CalendarPage</p>;

export default CalendarPage;
