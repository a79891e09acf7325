// Placeholder until the page is built.
const TrackPage = () => <p>TrackPage</p>;

export default TrackPage;
