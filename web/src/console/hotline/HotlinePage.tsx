// Placeholder until the page is built.
const HotlinePage = () => <p>HotlinePage</p>;

export default HotlinePage;
